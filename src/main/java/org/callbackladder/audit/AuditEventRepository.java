package org.callbackladder.audit;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Append and read only: no update or delete method exists. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

  AuditEvent save(AuditEvent event);

  Page<AuditEvent> findByCallbackRequestIdOrderByOccurredAtAscIdAsc(UUID callbackRequestId, Pageable page);

  Page<AuditEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable page);
}
