package org.callbackladder.request;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface CallbackRequestRepository
    extends JpaRepository<CallbackRequest, UUID>, JpaSpecificationExecutor<CallbackRequest> {

  /** Referrals still open whose referring office has not sent the records: stalled referrals. */
  @Query("select count(r) from CallbackRequest r where r.status <> org.callbackladder.request.RequestStatus.CLOSED"
      + " and r.recordsReceived = false and (r.channel = org.callbackladder.request.Channel.REFERRAL"
      + " or r.reason = org.callbackladder.request.Reason.REFERRAL_QUESTION)")
  long countOpenReferralsWithoutRecords();

  /** The request a process instance works on; fails loudly if the record is missing. */
  default CallbackRequest getRequired(UUID id) {
    return findById(id).orElseThrow(() -> new IllegalStateException("No callback request " + id));
  }
}
