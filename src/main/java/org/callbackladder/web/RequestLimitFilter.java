package org.callbackladder.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of sign-in and the webhooks, before anything is read or stored: answers 429 to a client
 * address that failed to sign in too often this minute (whatever user name it tries next), and 413
 * to a body over the size limit on /api and /webhooks. Requests are counted per signed-in user
 * after sign-in ({@link SignedInRequestLimit}) and per phone-system account after its signature
 * check; a failed sign-in is counted here, against the address ({@link #signInFailed}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestLimitFilter extends OncePerRequestFilter {

  private final RequestLimits limits;
  private final RequestBudgets budgets;
  private final ObjectMapper json;

  public RequestLimitFilter(RequestLimits limits, RequestBudgets budgets, ObjectMapper json) {
    this.limits = limits;
    this.budgets = budgets;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !signIn(request) && !limitedBody(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (signIn(request) && budgets.exhausted(failuresOf(request), limits.failedSignInsPerMinute())) {
      response.setHeader("Retry-After", String.valueOf(budgets.secondsToNextMinute()));
      Problems.write(json, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "More than " + limits.failedSignInsPerMinute()
          + " failed sign-ins a minute from this address; try again shortly");
      return;
    }
    if (limitedBody(request)) {
      long max = limits.maxBodySize().toBytes();
      if (request.getContentLengthLong() > max) {
        tooLarge(response);
        return;
      }
      if (request.getContentLengthLong() < 0 && !isForm(request)) {
        // no length given: read at most one byte over the limit, then hand on what was read
        byte[] body = request.getInputStream().readNBytes((int) max + 1);
        if (body.length > max) {
          tooLarge(response);
          return;
        }
        request = new ReadBody(request, body);
      }
    }
    chain.doFilter(request, response);
  }

  /** Counts a failed sign-in (wrong password, unknown token, no credentials) against the client's address. */
  public void signInFailed(HttpServletRequest request) {
    budgets.spend(failuresOf(request), limits.failedSignInsPerMinute());
  }

  private static String failuresOf(HttpServletRequest request) {
    return "sign-in-failures:" + request.getRemoteAddr();
  }

  /** Where a client signs in: the API, engine-rest, actuator, and the webapps' login form. */
  private static boolean signIn(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/")
        || (path.startsWith("/camunda/api/admin/auth/user/") && path.contains("/login/"));
  }

  private static boolean limitedBody(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/webhooks/");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static boolean isForm(HttpServletRequest request) {
    return request.getContentType() != null
        && request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    Problems.write(json, response, HttpStatus.PAYLOAD_TOO_LARGE, "Body too large", "The body is larger than " + limits.maxBodySize());
  }
}
