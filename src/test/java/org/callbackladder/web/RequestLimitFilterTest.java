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

/** The limits in front of /api and /webhooks, with a short limit and a clock the test moves. */
class RequestLimitFilterTest {

  final TestClock clock = new TestClock(CallbackLadderTest.TUESDAY_9AM);
  final RequestLimitFilter filter =
      new RequestLimitFilter(new RequestLimits(DataSize.ofBytes(64), 3), new ObjectMapper(), clock);

  @Test
  void aClientOverItsRequestsPerMinuteWaitsForTheNextMinute() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(send(post("/api/callbacks", "alice", "{}")).getStatus()).isEqualTo(200);
    }

    MockHttpServletResponse fourth = send(post("/api/callbacks", "alice", "{}"));
    MockHttpServletResponse otherUser = send(post("/api/callbacks", "bob", "{}"));
    clock.advance(Duration.ofMinutes(1));
    MockHttpServletResponse nextMinute = send(post("/api/callbacks", "alice", "{}"));

    assertThat(fourth.getStatus()).isEqualTo(429);
    assertThat(fourth.getContentType()).isEqualTo("application/problem+json");
    assertThat(fourth.getHeader("Retry-After")).isEqualTo("60");
    assertThat(otherUser.getStatus()).isEqualTo(200);
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
