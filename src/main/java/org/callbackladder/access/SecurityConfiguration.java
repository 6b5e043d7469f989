package org.callbackladder.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.web.Problems;
import org.callbackladder.web.RequestBudgets;
import org.callbackladder.web.RequestLimitFilter;
import org.callbackladder.web.RequestLimits;
import org.callbackladder.web.SignedInRequestLimit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * {@code /api/**} and {@code /engine-rest/**} need HTTP basic authentication against Camunda's
 * identity service (the users and groups managed in Camunda Admin), or an integration's API
 * token. The Camunda webapps under {@code /camunda} keep their own login. Health and info are
 * public. Three filter chains: the API, header-only for the webapps, and everything else.
 */
@Configuration
public class SecurityConfiguration {

  /** What the project's own pages (the dashboard, Swagger UI) may load: their own scripts and styles, nothing from elsewhere. */
  static final String PAGES_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
      + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identity, ObjectMapper json, ApiTokens tokens, AuditLog audit,
      RequestLimitFilter limits, RequestBudgets budgets, RequestLimits limitSettings,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
    // Path-pattern matchers, not securityMatcher(String...): those build MVC matchers, which never
    // match engine-rest (a Jersey servlet outside Spring MVC) and would leave it open.
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    AuthenticationEntryPoint signInFirst = problemEntryPoint(json, limits);
    AccessDeniedHandler notAllowed = problemAccessDenied(json);
    return http.securityMatcher(
            new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"), path.matcher("/actuator/**")))
        // who may use which endpoint; which requests a person reads is RequestReaders'
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(path.matcher("/actuator/health/**"), path.matcher("/actuator/info")).permitAll()
                    .requestMatchers(path.matcher("/actuator/**")).hasAnyAuthority(Groups.OPERATIONS, Groups.ADMINS)
                    .requestMatchers(path.matcher("/api/audit"), path.matcher("/api/audit.csv"), path.matcher("/api/uncallable-signals"),
                        path.matcher("/api/reports/**"), path.matcher("/api/reviews"))
                    .hasAnyAuthority(Groups.PRACTICE_MANAGERS, Groups.ADMINS)
                    .requestMatchers(path.matcher("/api/tokens/**")).hasAuthority(Groups.ADMINS)
                    // messages that could not leave: operations fix the cause and send them again
                    .requestMatchers(path.matcher("/api/messages/**"))
                    .hasAnyAuthority(Groups.OPERATIONS, Groups.PRACTICE_MANAGERS, Groups.ADMINS)
                    // closing a request outside its ladder: the practice's managers
                    .requestMatchers(path.matcher(HttpMethod.POST, "/api/callbacks/{id}/close"))
                    .hasAnyAuthority(Groups.PRACTICE_MANAGERS, Groups.ADMINS)
                    // correcting a patient's details: the staff who may read the request (RequestReaders)
                    .requestMatchers(path.matcher(HttpMethod.PATCH, "/api/callbacks/{id}/patient"))
                    .hasAnyAuthority(Stream.concat(Groups.STAFF.stream(), Stream.of(Groups.ADMINS)).toArray(String[]::new))
                    .requestMatchers(path.matcher(HttpMethod.POST, "/api/callbacks"))
                    .hasAnyAuthority(Stream.concat(Groups.STAFF.stream(), Stream.of(Groups.ADMINS, Groups.INTAKE_TOKEN))
                        .toArray(String[]::new))
                    // what a patient number agreed to: the practice's staff, never an integration or operations
                    .requestMatchers(path.matcher("/api/patients/**"))
                    .hasAnyAuthority(Stream.concat(Groups.STAFF.stream(), Stream.of(Groups.ADMINS)).toArray(String[]::new))
                    .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(signInFirst))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(signInFirst).accessDeniedHandler(notAllowed))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // JSON answers never load or frame anything; nosniff, frame options and HSTS (over HTTPS) are Spring's defaults
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(new ApiTokenFilter(tokens, userId -> signedIn(identity, userId), audit, signInFirst, notAllowed),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identity, path.matcher("/engine-rest/**")), BasicAuthenticationFilter.class)
        .addFilterAfter(new SignedInRequestLimit(budgets, limitSettings, problems), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * Tasklist, Cockpit and Admin keep their own login, CSRF protection and headers (Camunda's CSP,
   * nosniff); this adds HSTS when served over HTTPS, and refuses framing.
   */
  @Bean
  @Order(2)
  SecurityFilterChain webappHeaders(HttpSecurity http) throws Exception {
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .headers(headers -> headers.defaultsDisabled()
            .httpStrictTransportSecurity(Customizer.withDefaults())
            .frameOptions(frame -> frame.deny()))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .build();
  }

  /**
   * Everything else: webhooks (checked by signature), the OpenAPI document and Swagger UI, error
   * answers. Public, with the security headers: CSP, nosniff, no framing, HSTS over HTTPS.
   */
  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_POLICY)))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .build();
  }

  /**
   * Makes the request known to the whole thread before sign-in, so a failed login is audited with
   * the client's address. Spring Boot's Jersey support (engine-rest) otherwise registers this filter
   * after Spring Security, in place of Spring MVC's earlier one.
   */
  @Bean
  OrderedRequestContextFilter requestContextFilter() {
    return new OrderedRequestContextFilter();
  }

  /**
   * Checks user id and password with the engine's identity service; groups become authorities. As
   * a bean it also replaces Spring Boot's generated in-memory user. Wrong passwords count against the
   * client's address (RequestLimitFilter), never lock the user they name.
   */
  @Bean
  AuthenticationProvider identityServiceAuthentication(IdentityService identity) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        if (password == null || !identity.checkPassword(userId, password.toString())) {
          throw new BadCredentialsException("Bad credentials");
        }
        return signedIn(identity, userId);
      }

      @Override
      public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
      }
    };
  }

  /** A signed-in user with their Camunda groups as authorities. */
  private static Authentication signedIn(IdentityService identity, String userId) {
    List<SimpleGrantedAuthority> groups =
        identity.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .map(SimpleGrantedAuthority::new)
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  /** 401 for a missing or wrong password or token; counted against the client's address, never the user name tried. */
  private static AuthenticationEntryPoint problemEntryPoint(ObjectMapper json, RequestLimitFilter limits) {
    return (request, response, e) -> {
      limits.signInFailed(request);
      // a page's own sign-in form (the dashboard) asks without the browser's password dialog
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Callback Ladder\"");
      }
      Problems.write(json, response, HttpStatus.UNAUTHORIZED, "Authentication required",
          "Sign in with HTTP basic authentication or an API token (Authorization: Bearer)");
    };
  }

  /** The refusal names the kind of resource, never the path: a path may hold a patient's number. */
  private static AccessDeniedHandler problemAccessDenied(ObjectMapper json) {
    return (request, response, e) -> Problems.write(json, response, HttpStatus.FORBIDDEN, "Not allowed",
        e instanceof AuthorizationDeniedException ? "Your role may not use " + resourceOf(request.getRequestURI()) : e.getMessage());
  }

  /** "/api/patients/+1.../contact-preferences" is "/api/patients"; "/actuator/metrics" stays itself. */
  private static String resourceOf(String path) {
    String[] parts = path.split("/", 4);
    return parts.length < 3 ? path : "/" + parts[1] + "/" + parts[2];
  }

  /**
   * Tells the engine who is calling engine-rest for the length of the request, so Camunda's
   * authorizations apply and task completions and the user-operation log name the right person.
   * The project's own API decides itself what a user may do; its engine calls are the application's.
   */
  static class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;
    private final RequestMatcher engineRest;

    EngineAuthenticationFilter(IdentityService identity, RequestMatcher engineRest) {
      this.identity = identity;
      this.engineRest = engineRest;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !engineRest.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Authentication user = SecurityContextHolder.getContext().getAuthentication();
      if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
        chain.doFilter(request, response);
        return;
      }
      identity.setAuthentication(
          user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }
  }
}
