package org.callbackladder.closure;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.callbackladder.request.CallbackRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/callbacks/{id}/close} with {@code {"reason": "DUPLICATE", "note": "..."}}: a
 * practice manager closes a request outside its ladder (SecurityConfiguration), audited with the note.
 */
@Tag(name = "Callbacks", description = "Take in requests, read and find them")
@RestController
public class StaffClosureController {

  private final StaffClosure closure;

  public StaffClosureController(StaffClosure closure) {
    this.closure = closure;
  }

  public record Closing(String reason, String note) {}

  public record Closed(UUID id, String status, String closureReason) {}

  @PostMapping(path = "/api/callbacks/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Closed close(@PathVariable UUID id, @RequestBody Closing closing) {
    CallbackRequest request = closure.close(id, closing.reason(), closing.note());
    return new Closed(request.getId(), request.getStatus().name(), request.getClosureReason().name());
  }
}
