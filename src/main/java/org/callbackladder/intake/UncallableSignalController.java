package org.callbackladder.intake;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.request.Channel;
import org.callbackladder.request.UncallableSignal;
import org.callbackladder.request.UncallableSignalRepository;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/uncallable-signals}: the missed calls, voicemails and texts we cannot return because
 * their number was withheld or is not a phone number, newest first, for practice managers and
 * administrators (SecurityConfiguration). Reading the list is audited.
 */
@Tag(name = "Callbacks", description = "Take in requests, read and find them")
@RestController
public class UncallableSignalController {

  private final UncallableSignalRepository signals;
  private final AuditLog audit;

  public UncallableSignalController(UncallableSignalRepository signals, AuditLog audit) {
    this.signals = signals;
    this.audit = audit;
  }

  @GetMapping(path = "/api/uncallable-signals", produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public Entries list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    List<FieldProblem> problems = new ArrayList<>();
    FieldRules.paging(page, size, CallbackController.MAX_PAGE_SIZE, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Page<UncallableSignal> found = signals.findAllByOrderByReceivedAtDescIdDesc(PageRequest.of(page, size));
    audit.record(AuditLog.Action.LISTED, null, found.getNumberOfElements() + " uncallable signals");
    return new Entries(found.map(Entry::of).toList(), page, size, found.getTotalElements());
  }

  public record Entry(Channel channel, String sentNumber, String callerName, String message, Instant receivedAt) {
    static Entry of(UncallableSignal signal) {
      return new Entry(signal.getChannel(), signal.getSentNumber(), signal.getCallerName(), signal.getMessage(),
          signal.getReceivedAt());
    }
  }

  public record Entries(List<Entry> items, int page, int size, long totalItems) {}
}
