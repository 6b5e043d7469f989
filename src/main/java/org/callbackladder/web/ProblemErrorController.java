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
import org.springframework.web.util.HtmlUtils;

/**
 * What the servlet container itself refuses (a form it cannot parse, an error outside any
 * controller, a webapp the signed-in user may not open) is answered as problem+json, or as a short
 * page for a browser; never with a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  static final String START_PAGE = "/camunda/app/welcome/default/";

  /** Whatever the client accepts: a client that asks only for JSON still learns what went wrong. */
  @RequestMapping(path = "${server.error.path:/error}")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
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

  /** For people in a browser: what happened, in words, and the way back to the start page. */
  @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    String explanation = switch (status) {
      case FORBIDDEN -> "You are signed in, but your role may not open this page. Go to the start page to open"
          + " the applications you work in, or sign in as someone else.";
      case UNAUTHORIZED -> "Please sign in first.";
      case NOT_FOUND -> "There is nothing at this address.";
      default -> "Something went wrong. Please try again; if it keeps happening, tell the practice's administrator.";
    };
    String page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%1$s - Callback Ladder</title></head>
        <body style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
        <h1>%1$s</h1><p>%2$s</p><p><a href="%3$s">Start page</a></p>
        </body></html>
        """.formatted(HtmlUtils.htmlEscape(status.getReasonPhrase()), HtmlUtils.htmlEscape(explanation), START_PAGE);
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(page);
  }

  private static HttpStatus statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer value && HttpStatus.resolve(value) != null
        ? HttpStatus.valueOf(value)
        : HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
