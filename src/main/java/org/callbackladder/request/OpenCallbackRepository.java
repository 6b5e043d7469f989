package org.callbackladder.request;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OpenCallbackRepository extends JpaRepository<OpenCallback, String> {

  /**
   * The open request of a phone number, locked until the transaction ends: signals for one
   * patient join their request one after the other instead of colliding.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select o from OpenCallback o where o.patientPhone = :patientPhone")
  Optional<OpenCallback> lockByPhone(String patientPhone);

  @Modifying
  @Query("delete from OpenCallback o where o.callbackRequestId = :callbackRequestId")
  void release(UUID callbackRequestId);
}
