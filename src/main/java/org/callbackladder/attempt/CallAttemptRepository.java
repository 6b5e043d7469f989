package org.callbackladder.attempt;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CallAttemptRepository extends JpaRepository<CallAttempt, Long> {

  List<CallAttempt> findByCallbackRequestIdOrderByAttemptNumber(UUID callbackRequestId);

  boolean existsByCallbackRequestIdAndAgent(UUID callbackRequestId, String agent);

  Optional<CallAttempt> findByCallbackRequestIdAndAttemptNumber(UUID callbackRequestId, int attemptNumber);

  long countByCallbackRequestId(UUID callbackRequestId);

  default CallAttempt getRequired(UUID callbackRequestId, int attemptNumber) {
    return findByCallbackRequestIdAndAttemptNumber(callbackRequestId, attemptNumber).orElseThrow(
        () -> new NoSuchElementException("No attempt " + attemptNumber + " on callback request " + callbackRequestId));
  }
}
