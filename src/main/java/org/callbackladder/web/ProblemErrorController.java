package org.callbackladder.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container itself refuses (a form it cannot parse, an error outside any
 * controller) is answered as problem+json too, never with an HTML page or a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  /** Whatever the client accepts: a client that asks only for JSON still learns what went wrong. */
  @RequestMapping(path = "${server.error.path:/error}")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
        ? HttpStatus.valueOf(value)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(status.getReasonPhrase());
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (path != null) {
      try {
        problem.setInstance(URI.create(path.toString()));
      } catch (IllegalArgumentException notAUri) {
        // a hostile path: answer without it
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
