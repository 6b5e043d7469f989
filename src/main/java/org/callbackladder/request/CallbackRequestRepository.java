package org.callbackladder.request;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CallbackRequestRepository
    extends JpaRepository<CallbackRequest, UUID>, JpaSpecificationExecutor<CallbackRequest> {

  /** The request a process instance works on; fails loudly if the record is missing. */
  default CallbackRequest getRequired(UUID id) {
    return findById(id).orElseThrow(() -> new IllegalStateException("No callback request " + id));
  }
}
