package org.callbackladder.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.callbackladder.audit.AuditLog;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an integration that presents {@code Authorization: Bearer clt_...}. The token acts as its
 * user, with that user's groups; an {@link ApiToken.Scope#INTAKE} token may only hand in new
 * requests. An unknown, expired or revoked token, or one whose user was removed, is refused and
 * audited as a failed login.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";
  private static final RequestMatcher INTAKE =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/callbacks");

  private final ApiTokens tokens;
  private final Function<String, Authentication> signIn;
  private final AuditLog audit;
  private final AuthenticationEntryPoint refuse;
  private final AccessDeniedHandler deny;

  ApiTokenFilter(ApiTokens tokens, Function<String, Authentication> signIn, AuditLog audit,
      AuthenticationEntryPoint refuse, AccessDeniedHandler deny) {
    this.tokens = tokens;
    this.signIn = signIn;
    this.audit = audit;
    this.refuse = refuse;
    this.deny = deny;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String secret = request.getHeader("Authorization").substring(BEARER.length()).strip();
    Optional<ApiToken> token = tokens.authenticate(secret);
    if (token.isEmpty()) {
      audit.recordAlone(AuditLog.Action.LOGIN_FAILED, "token " + ApiTokens.hintOf(secret), "unknown, expired or revoked API token, or its user removed");
      refuse.commence(request, response, new BadCredentialsException("Unknown, expired or revoked API token"));
      return;
    }
    if (token.get().getScope() == ApiToken.Scope.INTAKE && !INTAKE.matches(request)) {
      deny.handle(request, response, new AccessDeniedException("This token may only hand in new callback requests"));
      return;
    }
    Authentication user = signIn.apply(token.get().getUserId());
    if (token.get().getScope() == ApiToken.Scope.INTAKE) {
      List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
      authorities.add(new SimpleGrantedAuthority(Groups.INTAKE_TOKEN));
      user = UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities);
    }
    SecurityContextHolder.getContext().setAuthentication(user);
    chain.doFilter(request, response);
  }
}
