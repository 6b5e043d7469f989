package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.callbackladder.support.CallbackLadderTest;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Walks every handler of the application, Spring MVC's (the API, webhooks, actuator, OpenAPI) and
 * engine-rest's, and calls each without credentials: all answer 401 or 403 except the documented
 * public ones. Webhooks answer 403 without a valid signature.
 */
@CallbackLadderTest
class EveryEndpointNeedsCredentialsTest {

  /** Public by design (README, "Security"): health for load balancers, the API's description. */
  static final List<String> PUBLIC = List.of(
      "/actuator/health", "/actuator/info", "/v3/api-docs", "/swagger-ui", "/error",
      // the dashboard's page; its figures come from /api/reports
      "/dashboard");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void everySpringHandlerAnswers401Or403WithoutCredentials() throws Exception {
    List<String> open = new ArrayList<>();
    Set<String> checked = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        for (String pattern : info.getPatternValues()) {
          String path = concrete(pattern);
          if (PUBLIC.stream().anyMatch(path::startsWith)) {
            continue;
          }
          Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
          String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
          String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream()
              .findFirst().map(MediaType::toString).orElse("application/json");
          int status = call(method, path, contentType);
          checked.add(method + " " + path);
          if (status != 401 && status != 403) {
            open.add(method + " " + path + " answered " + status);
          }
        }
      }
    }
    assertThat(checked).contains("POST /api/callbacks", "GET /api/audit", "POST /webhooks/phone-system",
        "POST /webhooks/twilio/sms", "GET /actuator/metrics");
    assertThat(open).as("handlers reachable without credentials").isEmpty();
  }

  @Test
  void apiAnswersCarrySecurityHeaders() throws Exception {
    HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callbacks")).GET().build(),
        HttpResponse.BodyHandlers.discarding());

    assertThat(answer.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void everyEngineRestResourceAnswers401WithoutCredentials() throws Exception {
    List<String> open = new ArrayList<>();
    List<String> roots = CamundaRestResources.getResourceClasses().stream()
        .flatMap(EveryEndpointNeedsCredentialsTest::resourcePaths)
        .distinct()
        .toList();
    assertThat(roots).contains("/task", "/process-definition", "/engine", "/user", "/deployment");
    for (String root : roots) {
      for (String method : List.of("GET", "POST")) {
        int status = call(method, "/engine-rest" + concrete(root), "application/json");
        if (status != 401) {
          open.add(method + " /engine-rest" + root + " answered " + status);
        }
      }
    }
    assertThat(open).as("engine-rest resources reachable without credentials").isEmpty();
  }

  private int call(String method, String path, String contentType) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", contentType)
        .method(method, method.equals("GET") || method.equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(contentType.contains("json") ? "{}" : "a=b"))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** A pattern with its variables filled in: /api/callbacks/{id} becomes /api/callbacks/0000...0000. */
  private static String concrete(String pattern) {
    return pattern.replaceAll("\\{\\*?[^}]+}", "00000000-0000-0000-0000-000000000000").replace("/**", "/x").replace("/*", "/x");
  }

  /** A root resource's path and the paths of its sub-resources one level down (/task, /user, ...). */
  private static Stream<String> resourcePaths(Class<?> resource) {
    List<Class<?>> types = Stream.concat(Stream.of(resource), Stream.of(resource.getInterfaces())).toList();
    String root = types.stream().map(type -> type.getAnnotation(Path.class)).filter(path -> path != null)
        .map(Path::value).findFirst().orElse(null);
    if (root == null) {
      return Stream.empty();
    }
    Stream<String> below = types.stream()
        .flatMap(type -> Stream.of(type.getMethods()))
        .map(method -> method.getAnnotation(Path.class))
        .filter(path -> path != null)
        .map(path -> root + "/" + path.value());
    return Stream.concat(Stream.of(root), below).map(path -> ("/" + path).replaceAll("/+", "/"));
  }
}
