package org.callbackladder.contact;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxMessageRepository extends JpaRepository<OutboxMessage, Long> {

  List<OutboxMessage> findByCallbackRequestIdOrderById(UUID callbackRequestId);
}
