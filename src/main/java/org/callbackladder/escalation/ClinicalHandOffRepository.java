package org.callbackladder.escalation;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClinicalHandOffRepository extends JpaRepository<ClinicalHandOff, Long> {

  List<ClinicalHandOff> findByCallbackRequestIdOrderByCreatedAtAscIdAsc(UUID callbackRequestId);

  List<ClinicalHandOff> findByCallbackRequestIdAndCompletedAtIsNull(UUID callbackRequestId);

  default ClinicalHandOff getRequired(long id) {
    return findById(id).orElseThrow(() -> new NoSuchElementException("No clinical hand-off " + id));
  }
}
