package org.callbackladder.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.callbackladder.web.Problems;
import org.callbackladder.web.ReadBody;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's own process-instance search runs outside the engine's command interceptors
 * ({@link EngineGuard}), so its variable filters are refused here: nobody but administrators searches
 * ladders by the values of their variables, one guess at a time.
 */
@Component
public class CockpitVariableSearch extends OncePerRequestFilter {

  private static final String SEARCHES = "/camunda/api/cockpit/plugin/base/";
  private static final int MAX_SEARCH = 64 * 1024;

  private final ObjectMapper json;

  public CockpitVariableSearch(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(SEARCHES);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest search = request;
    boolean byValue = request.getParameter("variables") != null;
    if (!byValue && "POST".equals(request.getMethod())) {
      byte[] body = request.getInputStream().readNBytes(MAX_SEARCH);
      byValue = hasVariables(body);
      search = new ReadBody(request, body);
    }
    if (byValue && !administrator(request.getSession(false))) {
      Problems.write(json, response, HttpStatus.FORBIDDEN, "Not allowed",
          "Processes are not searched by the values of their variables");
      return;
    }
    chain.doFilter(search, response);
  }

  private boolean hasVariables(byte[] body) {
    try {
      JsonNode variables = json.readTree(body).path("variables");
      return variables.isArray() && !variables.isEmpty();
    } catch (IOException notJson) {
      return false;
    }
  }

  private static boolean administrator(HttpSession session) {
    Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return signedIn != null && signedIn.getAuthentications().stream()
        .map(UserAuthentication::getGroupIds)
        .anyMatch(groups -> groups != null && groups.contains(Groups.ADMINS));
  }
}
