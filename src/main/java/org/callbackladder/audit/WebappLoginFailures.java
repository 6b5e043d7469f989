package org.callbackladder.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.callbackladder.web.RequestLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Audits failed sign-ins to Tasklist, Cockpit and Admin. Camunda's login form posts to
 * {@code /camunda/api/admin/auth/user/default/login/<app>} and is answered 401 when the user id or
 * password is wrong, 403 when the user may not use that app; the user id that was tried is recorded,
 * and the failure counts against the client's address ({@link RequestLimitFilter}).
 */
@Configuration
public class WebappLoginFailures {

  static final String LOGIN_PATHS = "/camunda/api/admin/auth/user/*";
  private static final int MAX_FORM = 4096;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappLoginAudit(AuditLog audit, RequestLimitFilter limits) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
      }

      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        ContentCachingRequestWrapper form = new ContentCachingRequestWrapper(request, MAX_FORM);
        chain.doFilter(form, response);
        int status = response.getStatus();
        if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.FORBIDDEN.value()) {
          limits.signInFailed(request);
          String app = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
          audit.recordAlone(AuditLog.Action.LOGIN_FAILED, userIdIn(form.getContentAsString()),
              "Camunda " + app + " login" + (status == HttpStatus.FORBIDDEN.value() ? ": no access to " + app : ""));
        }
      }
    });
    registration.addUrlPatterns(LOGIN_PATHS);
    registration.setName("webappLoginAudit");
    return registration;
  }

  /** The {@code username} field of the login form, as far as it was read. */
  static String userIdIn(String form) {
    return Arrays.stream(form.split("&"))
        .filter(field -> field.startsWith("username="))
        .map(field -> URLDecoder.decode(field.substring("username=".length()), StandardCharsets.UTF_8))
        .filter(id -> !id.isBlank())
        .map(id -> id.length() > 64 ? id.substring(0, 64) : id)
        .findFirst()
        .orElse("(none)");
  }
}
