package org.callbackladder.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API (engine-rest, and the webapps' own copy under {@code /camunda/api/engine/})
 * answers an error with the Java exception's class name in its message. This takes the class names
 * out of error answers, keeping the status, the type and the rest of the message.
 */
@Component
public class EngineErrorAnswers extends OncePerRequestFilter {

  static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

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
      if (answer.getStatus() >= 400 && answer.getContentType() != null
          && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(answer.getContentType()))) {
        withoutClassNames(answer);
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  private void withoutClassNames(ContentCachingResponseWrapper answer) throws IOException {
    JsonNode body;
    try {
      body = json.readTree(answer.getContentAsByteArray());
    } catch (IOException notJson) {
      return;
    }
    if (body instanceof ObjectNode error && error.path("message").isTextual()) {
      error.put("message", CLASS_NAME.matcher(error.get("message").asText()).replaceAll(""));
      answer.resetBuffer();
      json.writeValue(answer.getOutputStream(), error);
    }
  }
}
