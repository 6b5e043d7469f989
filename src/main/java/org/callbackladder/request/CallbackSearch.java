package org.callbackladder.request;

import jakarta.persistence.criteria.Subquery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds requests by patient number, status and channel (of any of their signals), newest first. */
@Service
public class CallbackSearch {

  private final CallbackRequestRepository requests;

  public CallbackSearch(CallbackRequestRepository requests) {
    this.requests = requests;
  }

  /**
   * Null criteria match everything; {@code phone} is in E.164. {@code readable} limits the search
   * to what the person may read (null: everything).
   */
  @Transactional(readOnly = true)
  public Page<CallbackRequest> find(
      Specification<CallbackRequest> readable, String phone, RequestStatus status, Channel channel, int page, int size) {
    Specification<CallbackRequest> criteria = Specification.allOf(
        readable,
        phone == null ? null : (root, query, cb) -> cb.equal(root.get("patientPhone"), phone),
        status == null ? null : (root, query, cb) -> cb.equal(root.get("status"), status),
        channel == null ? null : (root, query, cb) -> {
          Subquery<Long> signal = query.subquery(Long.class);
          var s = signal.from(CallbackSignal.class);
          signal.select(s.get("id")).where(
              cb.equal(s.get("callbackRequestId"), root.get("id")), cb.equal(s.get("channel"), channel));
          return cb.exists(signal);
        });
    return requests.findAll(criteria,
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.asc("id"))));
  }
}
