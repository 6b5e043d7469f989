package org.callbackladder.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.callbackladder.web.Csv;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/audit}: who saw and changed which request. Practice managers and administrators only
 * (SecurityConfiguration).
 */
@Tag(name = "Audit", description = "Who saw and changed what")
@RestController
public class AuditController {

  static final int MAX_PAGE_SIZE = 500;

  private final AuditEventRepository events;
  private final AuditLog audit;

  public AuditController(AuditEventRepository events, AuditLog audit) {
    this.events = events;
    this.audit = audit;
  }

  @GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional(readOnly = true)
  public Entries list(
      @RequestParam(required = false) UUID callbackId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    Page<AuditEvent> found = find(callbackId, page, size);
    return new Entries(found.map(Entry::of).toList(), page, size, found.getTotalElements());
  }

  /** The same, as CSV for a spreadsheet; the export itself is audited. */
  @GetMapping(path = "/api/audit.csv", produces = "text/csv")
  @Transactional
  public ResponseEntity<String> csv(
      @RequestParam(required = false) UUID callbackId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "500") int size) {
    Page<AuditEvent> found = find(callbackId, page, size);
    audit.record(AuditLog.Action.EXPORTED, callbackId, found.getNumberOfElements() + " audit rows as CSV");
    return Csv.download("audit.csv", "occurred_at,actor,action,callback_request_id,detail,source", found.stream()
        .map(e -> String.join(",", e.getOccurredAt().toString(), Csv.field(e.getActor()), e.getAction(),
            e.getCallbackRequestId() == null ? "" : e.getCallbackRequestId().toString(), Csv.field(e.getDetail()),
            Csv.field(e.getSource())))
        .toList());
  }

  private Page<AuditEvent> find(UUID callbackId, int page, int size) {
    List<FieldProblem> problems = new ArrayList<>();
    FieldRules.paging(page, size, MAX_PAGE_SIZE, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    PageRequest pageRequest = PageRequest.of(page, size);
    return callbackId == null
        ? events.findAllByOrderByOccurredAtDescIdDesc(pageRequest)
        : events.findByCallbackRequestIdOrderByOccurredAtAscIdAsc(callbackId, pageRequest);
  }

  public record Entry(Instant occurredAt, String actor, String action, UUID callbackRequestId, String detail, String source) {
    static Entry of(AuditEvent e) {
      return new Entry(e.getOccurredAt(), e.getActor(), e.getAction(), e.getCallbackRequestId(), e.getDetail(), e.getSource());
    }
  }

  public record Entries(List<Entry> items, int page, int size, long totalItems) {}
}
