package org.callbackladder.attempt;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CallAttemptRepository extends JpaRepository<CallAttempt, Long> {

  List<CallAttempt> findByCallbackRequestIdOrderByAttemptNumber(UUID callbackRequestId);

  boolean existsByCallbackRequestIdAndAgent(UUID callbackRequestId, String agent);
}
