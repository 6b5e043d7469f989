package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.WebappLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The webapps' session and CSRF cookies, and the security headers of every part of the application,
 * over plain HTTP (the embedded run) and over HTTPS as a TLS proxy forwards it.
 */
@CallbackLadderTest
class CookieAndHeaderSecurityTest {

  @Autowired TestRestTemplate http;

  @Test
  void overPlainHttpTheCookiesAreHttpOnlyAndSameSiteButNotSecureAndThereIsNoHsts() {
    WebappLogin.Result login = WebappLogin.login(http, "tasklist", "coordinator", "demo");

    assertThat(login.login().getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cookie(login.cookies(), "JSESSIONID")).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    assertThat(cookie(login.cookies(), "XSRF-TOKEN")).contains("SameSite=Lax").doesNotContain("Secure");
    assertThat(login.page().getHeaders().get("Strict-Transport-Security")).isNull();
  }

  @Test
  void behindATlsProxyTheSessionCookieIsSecureAndEveryAnswerCarriesHsts() {
    HttpHeaders proxied = new HttpHeaders();
    proxied.add("X-Forwarded-Proto", "https");

    WebappLogin.Result login = WebappLogin.login(http, "tasklist", "coordinator", "demo", proxied);
    ResponseEntity<String> api = http.withBasicAuth("coordinator", "demo")
        .exchange("/api/callbacks?size=1", HttpMethod.GET, new HttpEntity<>(proxied), String.class);
    ResponseEntity<String> swagger = http.exchange("/swagger-ui/index.html", HttpMethod.GET, new HttpEntity<>(proxied), String.class);

    assertThat(login.login().getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cookie(login.cookies(), "JSESSIONID")).contains("Secure", "HttpOnly", "SameSite=Lax");
    assertThat(login.page().getHeaders().getFirst("Strict-Transport-Security")).startsWith("max-age=");
    assertThat(api.getHeaders().getFirst("Strict-Transport-Security")).startsWith("max-age=");
    assertThat(swagger.getHeaders().getFirst("Strict-Transport-Security")).startsWith("max-age=");
  }

  @Test
  void everyPartOfTheApplicationSendsItsSecurityHeaders() {
    ResponseEntity<String> swagger = http.getForEntity("/swagger-ui/index.html", String.class);
    ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/", String.class);
    ResponseEntity<String> api = http.getForEntity("/api/callbacks", String.class);

    assertThat(swagger.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(swagger.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(SecurityConfiguration.PAGES_POLICY);
    assertThat(swagger.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(swagger.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).as("Camunda's own policy").contains("default-src 'self'");
    assertThat(tasklist.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(tasklist.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(api.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    assertThat(api.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
  }

  private static String cookie(List<String> setCookies, String name) {
    return setCookies.stream().filter(cookie -> cookie.startsWith(name + "=")).reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
  }
}
