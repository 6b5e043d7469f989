package org.callbackladder.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signs in to a Camunda webapp as the login page does: fetch a page for the session and CSRF
 * cookies, then post the form with the CSRF token.
 */
public final class WebappLogin {

  /** The answers of both steps: the page's cookies and the login's answer (its body lists the user's apps). */
  public record Result(ResponseEntity<String> page, ResponseEntity<JsonNode> login) {

    public List<String> cookies() {
      List<String> all = new ArrayList<>(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
      all.addAll(login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
      return all;
    }
  }

  public static Result login(TestRestTemplate http, String app, String userId, String password, HttpHeaders extra) {
    HttpHeaders pageHeaders = new HttpHeaders();
    pageHeaders.addAll(extra);
    ResponseEntity<String> page =
        http.exchange("/camunda/app/" + app + "/default/", HttpMethod.GET, new HttpEntity<>(pageHeaders), String.class);
    List<String> set = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(extra);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    headers.add(HttpHeaders.COOKIE, String.join("; ", set.stream().map(cookie -> cookie.split(";", 2)[0]).toList()));
    set.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .findFirst()
        .ifPresent(cookie -> headers.add("X-XSRF-TOKEN", cookie.split(";", 2)[0].substring("XSRF-TOKEN=".length())));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", userId);
    form.add("password", password);
    ResponseEntity<JsonNode> login = http.postForEntity(
        "/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, headers), JsonNode.class);
    return new Result(page, login);
  }

  public static Result login(TestRestTemplate http, String app, String userId, String password) {
    return login(http, app, userId, password, new HttpHeaders());
  }

  /**
   * A signed-in session for the webapps' own APIs (/camunda/api/...). The login starts a new session,
   * so a first request in it fetches that session's CSRF token, as a browser does.
   */
  public static Session session(TestRestTemplate http, String app, String userId, String password) {
    Result login = login(http, app, userId, password);
    Map<String, String> cookies = new LinkedHashMap<>();
    remember(cookies, login.cookies());
    Session session = new Session(cookies, login.login().getStatusCode().value() == 200);
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session.cookies());
    remember(cookies, http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(headers), String.class)
        .getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
    return session;
  }

  private static void remember(Map<String, String> cookies, List<String> setCookies) {
    for (String cookie : setCookies) {
      String pair = cookie.split(";", 2)[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
  }

  /** The session's cookies, sent with its CSRF token. */
  public record Session(Map<String, String> values, boolean signedIn) {

    public String cookies() {
      return String.join("; ", values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    public void addTo(HttpHeaders headers) {
      headers.add(HttpHeaders.COOKIE, cookies());
      headers.add("X-XSRF-TOKEN", values.get("XSRF-TOKEN"));
    }
  }

  private WebappLogin() {}
}
