package org.callbackladder.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Counts /api requests per signed-in user, after the password or token was checked, so nobody can
 * spend someone else's budget by sending their user name. Part of the API's security filter chain.
 */
public class SignedInRequestLimit extends OncePerRequestFilter {

  private final RequestBudgets budgets;
  private final RequestLimits limits;
  private final HandlerExceptionResolver problems;

  public SignedInRequestLimit(RequestBudgets budgets, RequestLimits limits, HandlerExceptionResolver problems) {
    this.budgets = budgets;
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
      try {
        budgets.spendOrRefuse("user:" + user.getName(), limits.requestsPerMinute(), "this user");
      } catch (TooManyRequestsException over) {
        problems.resolveException(request, response, null, over);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
