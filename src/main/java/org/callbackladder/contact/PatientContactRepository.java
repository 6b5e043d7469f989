package org.callbackladder.contact;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PatientContactRepository extends JpaRepository<PatientContact, String> {

  /** The number's record, locked for a change (two opt-outs at once are applied one after the other). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from PatientContact c where c.phone = ?1")
  Optional<PatientContact> lockByPhone(String phone);
}
