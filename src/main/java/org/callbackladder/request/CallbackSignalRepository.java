package org.callbackladder.request;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CallbackSignalRepository extends JpaRepository<CallbackSignal, Long> {

  Optional<CallbackSignal> findByExternalId(String externalId);

  List<CallbackSignal> findByCallbackRequestIdOrderByReceivedAtAscIdAsc(UUID callbackRequestId);

  List<CallbackSignal> findByCallbackRequestIdInOrderByReceivedAtAscIdAsc(Collection<UUID> callbackRequestIds);
}
