package org.callbackladder.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable, any request that needs it (intake, sign-in, a search) is
 * answered 503 with Retry-After after at most the pool's short connection timeout, instead of a 500.
 * Nothing was stored: the transaction did not commit. The client sends the request again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final DatabaseOutage outage;
  private final ObjectMapper json;

  public DatabaseOutageFilter(DatabaseOutage outage, ObjectMapper json) {
    this.outage = outage;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException failure) {
      if (response.isCommitted() || !outage.explains(failure)) {
        throw failure;
      }
      log.warn("Database unreachable: {} {} answered 503", request.getMethod(), request.getRequestURI());
      response.resetBuffer();
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
      Problems.write(json, response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
          "The practice's database cannot be reached; nothing was stored. Please try again shortly.");
    }
  }
}
