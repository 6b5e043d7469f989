package org.callbackladder.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

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
    ErrorBody answer = new ErrorBody(response);
    chain.doFilter(request, answer);
    byte[] body = answer.heldBody();
    if (body == null) {
      return;
    }
    MediaType type = response.getContentType() == null ? null : MediaType.parseMediaType(response.getContentType());
    if (type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
      body = rewriteError(response, body);
    } else if (type != null && "text".equals(type.getType())) {
      // Jersey's own answer to unreadable JSON names the classes it tried to fill
      body = CLASS_NAME.matcher(new String(body, StandardCharsets.UTF_8)).replaceAll("").getBytes(StandardCharsets.UTF_8);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Without class names; a refused request as a 4xx. */
  private byte[] rewriteError(HttpServletResponse response, byte[] body) throws IOException {
    JsonNode read;
    try {
      read = json.readTree(body);
    } catch (IOException notJson) {
      return body;
    }
    if (!(read instanceof ObjectNode error) || !error.path("message").isTextual()) {
      return body;
    }
    String message = error.get("message").asText();
    if (response.getStatus() == 500 && "NullPointerException".equals(error.path("type").asText())) {
      response.setStatus(400);
      error.put("type", "InvalidRequestException");
      error.put("message", MISSING_INPUT);
    } else if (response.getStatus() == 500 && message.contains(InvalidInputException.PREFIX)) {
      // the application's own rules refused it (a start form through engine-rest); Camunda wraps that as a 500
      response.setStatus(400);
      error.put("type", "InvalidInputException");
      error.put("message", message.substring(message.indexOf(InvalidInputException.PREFIX)));
    } else {
      if (response.getStatus() == 500 && REFUSED_REQUEST.contains(error.path("type").asText()) && !message.contains("persistence")) {
        // Camunda answers a request its engine refuses (unknown task, a running instance to restart,
        // nothing to evaluate...) with 500; the database failing is a persistence exception, left as it is
        response.setStatus(NOT_FOUND.matcher(message).find() ? 404 : 400);
      }
      error.put("message", CLASS_NAME.matcher(message).replaceAll(""));
    }
    return json.writeValueAsBytes(error);
  }

  /**
   * Passes an ordinary answer straight through and keeps the body of an error answer (status 400 or
   * more when its body is written) so it can be rewritten; engine lists are never held in memory.
   */
  static final class ErrorBody extends HttpServletResponseWrapper {

    private ByteArrayOutputStream body;
    private PrintWriter writer;

    ErrorBody(HttpServletResponse response) {
      super(response);
    }

    private boolean holding() {
      return body != null || getStatus() >= 400;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding()) {
        return super.getOutputStream();
      }
      if (body == null) {
        body = new ByteArrayOutputStream();
      }
      return new ServletOutputStream() {
        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener listener) { throw new UnsupportedOperationException(); }
        @Override public void write(int b) { body.write(b); }
        @Override public void write(byte[] b, int off, int len) { body.write(b, off, len); }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!holding()) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    /** The error body as written, or null when the answer went straight through. */
    byte[] heldBody() {
      if (writer != null) {
        writer.flush();
      }
      return body == null ? null : body.toByteArray();
    }

    @Override
    public void setContentLength(int length) {
      if (!holding()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!holding()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!holding()) {
        super.flushBuffer();
      }
    }
  }
}
