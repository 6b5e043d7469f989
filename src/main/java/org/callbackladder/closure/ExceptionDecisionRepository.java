package org.callbackladder.closure;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExceptionDecisionRepository extends JpaRepository<ExceptionDecision, Long> {

  List<ExceptionDecision> findByCallbackRequestIdOrderByDecidedAtAscIdAsc(UUID callbackRequestId);
}
