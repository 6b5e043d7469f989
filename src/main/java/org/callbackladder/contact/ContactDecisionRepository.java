package org.callbackladder.contact;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactDecisionRepository extends JpaRepository<ContactDecision, Long> {

  List<ContactDecision> findByCallbackRequestIdOrderByDecidedAtAscIdAsc(UUID callbackRequestId);

  List<ContactDecision> findByPhoneOrderByDecidedAtAscIdAsc(String phone);
}
