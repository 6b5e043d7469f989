package org.callbackladder.review;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reviews}: the daily and weekly reviews and the actions recorded, newest first (managers, administrators). */
@Tag(name = "Reports", description = "Figures, reviews and open requests for practice managers")
@RestController
public class ReviewController {

  private final Reviews reviews;

  public ReviewController(Reviews reviews) {
    this.reviews = reviews;
  }

  @GetMapping(path = "/api/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
  public Listed list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    List<FieldProblem> problems = new ArrayList<>();
    FieldRules.paging(page, size, 200, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Page<CallbackReview> found = reviews.list(page, size);
    return new Listed(found.map(Entry::of).getContent(), page, size, found.getTotalElements());
  }

  public record Entry(long id, String kind, LocalDate from, LocalDate to, Instant preparedAt, String sheet, String completedBy,
      Instant completedAt, String actions) {

    static Entry of(CallbackReview review) {
      return new Entry(review.getId(), review.getKind().name(), review.getPeriodFrom(), review.getPeriodTo(),
          review.getPreparedAt(), review.getSheet(), review.getCompletedBy(), review.getCompletedAt(), review.getActions());
    }
  }

  public record Listed(List<Entry> items, int page, int size, long totalItems) {}
}
