package org.callbackladder.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API (engine-rest, and the webapps' own copy under {@code /camunda/api/engine/})
 * answers an error with Java class names in its message, and a request without its body (or a
 * required part of it) with a 500 for a NullPointerException, and a start form the application's
 * rules refuse with a 500 too, as it does any request its engine refuses (an unknown task, a running
 * instance to restart). This takes the class names out of error answers, keeping the type and the
 * rest of the message, and answers those as the client's errors they are: 400, or 404 for something
 * that does not exist. A persistence failure stays a server error.
 */
@Component
public class EngineErrorAnswers extends OncePerRequestFilter {

  /** A qualified Java class name, with the method called on it if any: org.camunda.bpm.X.getY(). */
  static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?:\\.\\w+\\(\\))?:?\\s*");
  static final String MISSING_INPUT = "The request body is missing, or lacks a part it needs";
  /** The types Camunda gives a request its engine refused, whatever the reason. */
  static final Set<String> REFUSED_REQUEST = Set.of("ProcessEngineException", "RestException", "NullValueException");
  static final Pattern NOT_FOUND = Pattern.compile("(?i)cannot find|not found|does not exist|no \\w+ found");

  private final ObjectMapper json;

  public EngineErrorAnswers(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, answer);
      MediaType type = answer.getStatus() >= 400 && answer.getContentType() != null
          ? MediaType.parseMediaType(answer.getContentType()) : null;
      if (type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
        rewriteError(answer);
      } else if (type != null && "text".equals(type.getType())) {
        // Jersey's own answer to unreadable JSON names the classes it tried to fill
        String text = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
        answer.resetBuffer();
        answer.getOutputStream().write(CLASS_NAME.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  /** Without class names; a refused request as a 4xx. */
  private void rewriteError(ContentCachingResponseWrapper answer) throws IOException {
    JsonNode body;
    try {
      body = json.readTree(answer.getContentAsByteArray());
    } catch (IOException notJson) {
      return;
    }
    if (body instanceof ObjectNode error && error.path("message").isTextual()) {
      String message = error.get("message").asText();
      if (answer.getStatus() == 500 && "NullPointerException".equals(error.path("type").asText())) {
        answer.setStatus(400);
        error.put("type", "InvalidRequestException");
        error.put("message", MISSING_INPUT);
      } else if (answer.getStatus() == 500 && message.contains(InvalidInputException.PREFIX)) {
        // the application's own rules refused it (a start form through engine-rest); Camunda wraps that as a 500
        answer.setStatus(400);
        error.put("type", "InvalidInputException");
        error.put("message", message.substring(message.indexOf(InvalidInputException.PREFIX)));
      } else {
        if (answer.getStatus() == 500 && REFUSED_REQUEST.contains(error.path("type").asText()) && !message.contains("persistence")) {
          // Camunda answers a request its engine refuses (unknown task, a running instance to restart,
          // nothing to evaluate...) with 500; the database failing is a persistence exception, left as it is
          answer.setStatus(NOT_FOUND.matcher(message).find() ? 404 : 400);
        }
        error.put("message", CLASS_NAME.matcher(message).replaceAll(""));
      }
      answer.resetBuffer();
      json.writeValue(answer.getOutputStream(), error);
    }
  }
}
