package org.callbackladder.request;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UncallableSignalRepository extends JpaRepository<UncallableSignal, Long> {

  Optional<UncallableSignal> findByExternalId(String externalId);

  Page<UncallableSignal> findAllByOrderByReceivedAtDescIdDesc(Pageable page);
}
