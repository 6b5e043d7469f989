package org.callbackladder.correction;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.callbackladder.CallbackProcess;
import org.callbackladder.CallbackProcess.Vars;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.intake.CallbackRequestValidator;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.OpenCallback;
import org.callbackladder.request.OpenCallbackRepository;
import org.callbackladder.request.PhoneNumbers.Phone;
import org.callbackladder.request.RequestStatus;
import org.callbackladder.web.ConflictException;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff correct what the practice knows about a patient on an open request: name, number, time
 * zone, language and preferred times. Every change is audited with the old and the new value (in
 * the project's audit table, never in the logs), and the request's open ladder plans again.
 */
@Service
public class PatientCorrections {

  private static final Logger log = LoggerFactory.getLogger(PatientCorrections.class);

  /** The details that decide when a patient may be called (a number carries its own wishes). */
  private static final Set<String> TIMING = Set.of("phone", "timeZone", "preferredTimes");

  private final CallbackRequestRepository requests;
  private final OpenCallbackRepository openCallbacks;
  private final CallbackRequestValidator validator;
  private final LadderReplanning replanning;
  private final AuditLog audit;

  public PatientCorrections(CallbackRequestRepository requests, OpenCallbackRepository openCallbacks,
      CallbackRequestValidator validator, LadderReplanning replanning, AuditLog audit) {
    this.requests = requests;
    this.openCallbacks = openCallbacks;
    this.validator = validator;
    this.replanning = replanning;
    this.audit = audit;
  }

  /** What staff change; a null field stays as it is. */
  public record Changes(String name, String phone, String timeZone, String preferredLanguage, String preferredTimes) {

    boolean isEmpty() {
      return name == null && phone == null && timeZone == null && preferredLanguage == null && preferredTimes == null;
    }
  }

  /**
   * Checks and applies the changes, then plans the open ladder again ({@code replan}); a manager's
   * correction form leaves planning to the ladder's next step instead.
   *
   * @return the fields that changed, in order
   */
  @Transactional
  public List<String> correct(CallbackRequest request, Changes changes, String by, boolean replan) {
    Checked checked = check(changes);
    Phone phone = checked.phone();
    if (request.getStatus() == RequestStatus.CLOSED) {
      throw new ConflictException("The request is closed: correct the patient's details on their open request");
    }
    if (phone != null && !phone.e164().equals(request.getPatientPhone())) {
      openCallbacks.lockByPhone(phone.e164()).filter(open -> !open.getCallbackRequestId().equals(request.getId()))
          .ifPresent(open -> {
            throw new ConflictException("Another open request has that number: close one of them as a duplicate first");
          });
    }
    Map<String, String[]> changed = new LinkedHashMap<>();
    note(changed, "name", request.getPatientName(), checked.name());
    note(changed, "phone", request.getPatientPhone(), phone == null ? null : phone.e164());
    note(changed, "timeZone", request.getPatientTimeZone(), checked.zone() == null ? null : checked.zone().getId());
    note(changed, "preferredLanguage", request.getPreferredLanguage(), checked.language());
    note(changed, "preferredTimes", request.getPreferredTimes(), checked.times());
    if (changed.containsKey("phone")) {
      // the open request of a number is how later signals find it
      openCallbacks.release(request.getId());
      openCallbacks.save(new OpenCallback(phone.e164(), request.getId()));
    }
    request.corrected(checked.name(), phone == null ? null : phone.e164(), phone == null ? null : phone.type(),
        checked.zone() == null ? null : checked.zone().getId(), checked.language(), checked.times());
    changed.forEach((field, values) -> audit.record(AuditLog.Action.PATIENT_CORRECTED, request.getId(),
        field + ": " + Objects.toString(values[0], "(none)") + " -> " + values[1] + " (by " + by + ")"));
    log.info("Callback request {}: {} corrected by {}", request.getId(), changed.keySet(), by);
    if (replan && !changed.isEmpty()) {
      replanning.replan(request, changed.keySet().stream().anyMatch(TIMING::contains));
    }
    return List.copyOf(changed.keySet());
  }

  @Transactional
  public List<String> correct(UUID id, Changes changes, String by, boolean replan) {
    return correct(requests.getRequired(id), changes, by, replan);
  }

  /** The changes as they would be stored; a 400 naming each field that breaks its rule. */
  public Checked check(Changes changes) {
    List<FieldProblem> problems = new ArrayList<>();
    if (changes == null || changes.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldProblem("body", "required",
          "must change at least one of name, phone, timeZone, preferredLanguage, preferredTimes")));
    }
    String name = changes.name() == null ? null
        : FieldRules.requiredText("name", changes.name(), CallbackRequestValidator.NAME_MAX, problems);
    Phone phone = changes.phone() == null ? null : validator.phone("phone", changes.phone(), problems);
    ZoneId zone = changes.timeZone() == null ? null : requiredZone(changes.timeZone(), problems);
    String language = changes.preferredLanguage() == null ? null
        : CallbackRequestValidator.language("preferredLanguage", changes.preferredLanguage(), problems);
    String times = changes.preferredTimes() == null ? null
        : FieldRules.requiredText("preferredTimes", changes.preferredTimes(), CallbackRequestValidator.PREFERRED_TIMES_MAX, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Checked(name, phone, zone, language, times);
  }

  /** The number and time zone a manager's form corrects; either or both may be empty. */
  public record FormFields(String phone, String timeZone) {

    /** As the form's fields carry them, with a problem for an over-long value. */
    public static FormFields of(DelegateTask task, List<FieldProblem> problems) {
      return new FormFields(FieldRules.optionalText(Vars.CORRECTED_PHONE, task.getVariable(Vars.CORRECTED_PHONE), 40, problems),
          FieldRules.optionalText(Vars.CORRECTED_TIME_ZONE, task.getVariable(Vars.CORRECTED_TIME_ZONE), 64, problems));
    }
  }

  /**
   * Records a manager's corrections on the task's request in the name of whoever completes it,
   * checked and named as the form names its fields, and takes the fields off the task (the ladder
   * plans with them in its next step).
   *
   * @return the details that changed
   */
  public List<String> correctFromForm(DelegateTask task, FormFields fields) {
    List<String> changed = List.of();
    if (fields.phone() != null || fields.timeZone() != null) {
      Changes changes = new Changes(null, fields.phone(), fields.timeZone(), null, null);
      try {
        check(changes);
      } catch (InvalidInputException invalid) {
        throw new InvalidInputException(invalid.problems().stream()
            .map(p -> new FieldProblem(p.field().equals("phone") ? Vars.CORRECTED_PHONE : Vars.CORRECTED_TIME_ZONE, p.rule(),
                p.message()))
            .toList());
      }
      changed = correct(CallbackProcess.requestId(task), changes, CallbackProcess.worker(task), false);
    }
    task.removeVariables(List.of(Vars.CORRECTED_PHONE, Vars.CORRECTED_TIME_ZONE));
    return changed;
  }

  /** Changes that keep their rules, as stored. */
  public record Checked(String name, Phone phone, ZoneId zone, String language, String times) {}

  private static ZoneId requiredZone(String written, List<FieldProblem> problems) {
    if (written.isBlank()) {
      problems.add(new FieldProblem("timeZone", "required", "must be a time zone such as America/Denver"));
      return null;
    }
    return CallbackRequestValidator.timeZone("timeZone", written, problems);
  }

  private static void note(Map<String, String[]> changed, String field, String before, String after) {
    if (after != null && !after.equals(before)) {
      changed.put(field, new String[] {before, after});
    }
  }
}
