package org.callbackladder.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The limits in front of sign-in and the webhooks, with small limits and a clock the test moves. */
class RequestLimitFilterTest {

  final TestClock clock = new TestClock(CallbackLadderTest.TUESDAY_9AM);
  final RequestLimitFilter filter = new RequestLimitFilter(
      new RequestLimits(DataSize.ofBytes(64), 100, 3, 100), new RequestBudgets(clock), new ObjectMapper());

  @Test
  void anAddressWithTooManyFailedSignInsWaitsForTheNextMinute() throws Exception {
    for (int i = 0; i < 3; i++) {
      filter.signInFailed(from("10.0.0.66", post("/api/callbacks", "mallory" + i, "{}")));
    }

    MockHttpServletResponse sameAddress = send(from("10.0.0.66", post("/api/callbacks", "coordinator", "{}")));
    MockHttpServletResponse engineRest = send(from("10.0.0.66", post("/engine-rest/task", "coordinator", "{}")));
    MockHttpServletResponse webappLogin = send(from("10.0.0.66", post("/camunda/api/admin/auth/user/default/login/tasklist", null, "")));
    MockHttpServletResponse webhook = send(from("10.0.0.66", post("/webhooks/phone-system", null, "{}")));
    MockHttpServletResponse otherAddress = send(from("10.0.0.67", post("/api/callbacks", "coordinator", "{}")));
    clock.advance(Duration.ofMinutes(1));
    MockHttpServletResponse nextMinute = send(from("10.0.0.66", post("/api/callbacks", "coordinator", "{}")));

    assertThat(sameAddress.getStatus()).isEqualTo(429);
    assertThat(sameAddress.getContentType()).isEqualTo("application/problem+json");
    assertThat(sameAddress.getHeader("Retry-After")).isEqualTo("60");
    assertThat(engineRest.getStatus()).isEqualTo(429);
    assertThat(webappLogin.getStatus()).isEqualTo(429);
    assertThat(webhook.getStatus()).as("webhooks are counted by signed account, not address").isEqualTo(200);
    assertThat(otherAddress.getStatus()).isEqualTo(200);
    assertThat(nextMinute.getStatus()).isEqualTo(200);
  }

  @Test
  void aBodyOverTheLimitIsRefusedWithOrWithoutAContentLength() throws Exception {
    String big = "{\"message\":\"" + "x".repeat(80) + "\"}";
    MockHttpServletRequest announced = post("/api/callbacks", "alice", big);
    MockHttpServletRequest chunked = post("/webhooks/phone-system", null, big);
    chunked.removeHeader("Content-Length");

    assertThat(send(announced).getStatus()).isEqualTo(413);
    assertThat(send(withoutLength(chunked)).getStatus()).isEqualTo(413);
  }

  @Test
  void aSmallBodyWithoutAContentLengthReachesTheApplicationWhole() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(withoutLength(post("/webhooks/phone-system", null, "{\"eventId\":\"e1\"}")), new MockHttpServletResponse(), chain);

    assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"eventId\":\"e1\"}");
  }

  @Test
  void otherPathsAreNotLimited() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(send(post("/camunda/api/engine/engine/default/task", "alice", "x".repeat(100))).getStatus()).isEqualTo(200);
    }
  }

  private static MockHttpServletRequest from(String address, MockHttpServletRequest request) {
    request.setRemoteAddr(address);
    return request;
  }

  private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  private static MockHttpServletRequest post(String path, String user, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    if (user != null) {
      request.addHeader("Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  /** A request sent in chunks: no length is known up front. */
  private static MockHttpServletRequest withoutLength(MockHttpServletRequest request) {
    return new MockHttpServletRequest("POST", request.getRequestURI()) {
      {
        setContentType(request.getContentType());
        setContent(request.getContentAsByteArray());
      }

      @Override
      public int getContentLength() {
        return -1;
      }

      @Override
      public long getContentLengthLong() {
        return -1;
      }
    };
  }
}
