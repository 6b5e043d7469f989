package org.callbackladder.correction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.callbackladder.access.RequestReaders;
import org.callbackladder.correction.PatientCorrections.Changes;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PATCH /api/callbacks/{id}/patient}: correct the patient's details on an open request. */
@Tag(name = "Callbacks", description = "Take in requests, read and find them")
@RestController
public class PatientCorrectionController {

  private final PatientCorrections corrections;
  private final CallbackRequestRepository requests;
  private final RequestReaders readers;

  public PatientCorrectionController(PatientCorrections corrections, CallbackRequestRepository requests, RequestReaders readers) {
    this.corrections = corrections;
    this.requests = requests;
    this.readers = readers;
  }

  @Schema(description = "The details to correct; a field left out stays as it is")
  public record PatientDetails(
      @Schema(description = "The patient's name", example = "Jamie Rivera") String name,
      @Schema(description = "A number the practice can call, in any common format", example = "(415) 555-0132") String phone,
      @Schema(description = "The patient's time zone (IANA)", example = "America/Los_Angeles") String timeZone,
      @Schema(description = "Language tag", example = "es") String preferredLanguage,
      @Schema(description = "When the patient asked to be called, in their words", example = "weekday mornings")
      String preferredTimes) {}

  @Schema(description = "The request after the correction")
  public record Corrected(UUID id, List<String> changed, String timeZone, String nextAttemptAt) {}

  @Operation(summary = "Correct the patient's details",
      description = "For the staff who may read the request. Every change is audited with its old and new value; an open"
          + " ladder plans its next attempt again. 404 for a request the caller may not read, 409 for a closed one or"
          + " a number another open request has.")
  @PatchMapping(path = "/api/callbacks/{id}/patient",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"}, produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public Corrected correct(@PathVariable UUID id, @RequestBody(required = false) PatientDetails details, Authentication user) {
    CallbackRequest request = requests.findById(id).filter(found -> readers.covers(readers.scopeOf(user), found))
        // another queue's request is answered as if it did not exist
        .orElseThrow(() -> new NotFoundException("No callback request " + id));
    List<String> changed = corrections.correct(request, details == null ? null
        : new Changes(details.name(), details.phone(), details.timeZone(), details.preferredLanguage(), details.preferredTimes()),
        user.getName(), true);
    return new Corrected(id, changed, request.getPatientTimeZone(),
        request.getNextAttemptAt() == null ? null : request.getNextAttemptAt().toString());
  }
}
