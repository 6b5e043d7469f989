package org.callbackladder.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a client over its requests-per-minute and 413 to a body over the size limit, on
 * /api and /webhooks, before authentication and before anything is read or stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestLimitFilter extends OncePerRequestFilter {

  private final RequestLimits limits;
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong sweptMinute = new AtomicLong();

  public RequestLimitFilter(RequestLimits limits, ObjectMapper json, Clock clock) {
    this.limits = limits;
    this.json = json;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/webhooks/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long minute = clock.millis() / 60_000;
    if (sweptMinute.getAndSet(minute) != minute) {
      windows.values().removeIf(old -> old.minute != minute);
    }
    Window window = windows.compute(client(request), (key, old) -> old == null || old.minute != minute ? new Window(minute) : old);
    if (window.count() > limits.requestsPerMinute()) {
      response.setHeader("Retry-After", String.valueOf(60 - (clock.millis() / 1000) % 60));
      problem(response, HttpStatus.TOO_MANY_REQUESTS, "More than " + limits.requestsPerMinute()
          + " requests a minute from this client; try again shortly");
      return;
    }
    long max = limits.maxBodySize().toBytes();
    if (request.getContentLengthLong() > max) {
      problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + limits.maxBodySize());
      return;
    }
    if (request.getContentLengthLong() < 0 && !isForm(request)) {
      // no length given: read at most one byte over the limit, then hand on what was read
      byte[] body = request.getInputStream().readNBytes((int) max + 1);
      if (body.length > max) {
        problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + limits.maxBodySize());
        return;
      }
      request = new ReadBody(request, body);
    }
    chain.doFilter(request, response);
  }

  /** Signed-in users are counted by name, everyone else by address. Passwords are not checked here. */
  private static String client(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        return "user:" + (colon < 0 ? credentials : credentials.substring(0, colon));
      } catch (IllegalArgumentException notBase64) {
        // counted by address
      }
    }
    return "address:" + request.getRemoteAddr();
  }

  private static boolean isForm(HttpServletRequest request) {
    return request.getContentType() != null
        && request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  private static final class Window {
    private final long minute;
    private int requests;

    Window(long minute) {
      this.minute = minute;
    }

    synchronized int count() {
      return ++requests;
    }
  }

  /** A request whose body was already read. */
  private static final class ReadBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override public boolean isFinished() { return in.available() == 0; }
        @Override public boolean isReady() { return true; }
        @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
        @Override public int read() { return in.read(); }
        @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
