package org.callbackladder.review;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CallbackReviewRepository extends JpaRepository<CallbackReview, Long> {

  Page<CallbackReview> findAllByOrderByPreparedAtDescIdDesc(Pageable page);
}
