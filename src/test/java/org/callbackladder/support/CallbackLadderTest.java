package org.callbackladder.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The whole application on an in-memory H2 database with a web server on a random port, a clock the
 * test controls, and the job executor off: tests fire timers and async steps themselves. Every
 * class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:callback-ladder-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "camunda.bpm.job-execution.enabled=false",
      "callback.access.admin-password=test-admin-password",
      "callback.access.demo-users=true",
      "callback.access.demo-password=demo",
      // tests run the relay themselves, when they mean to
      "callback.contact.relay.enabled=false",
      "callback.limits.requests-per-minute=100000",
      "callback.limits.failed-sign-ins-per-minute=100000",
      "callback.limits.webhook-requests-per-minute=100000",
      "callback.webhooks.public-base-url=" + CallbackLadderTest.PUBLIC_BASE_URL,
      "callback.webhooks.twilio-auth-token=" + CallbackLadderTest.TWILIO_AUTH_TOKEN,
      "callback.webhooks.phone-system-secret=" + CallbackLadderTest.PHONE_SYSTEM_SECRET
    })
@Import(CallbackLadderTest.ClockConfiguration.class)
// Spring Boot's tests leave metrics exporters out unless asked: the Prometheus endpoint is part of the product
@AutoConfigureObservability(tracing = false)
public @interface CallbackLadderTest {

  /** Where the phone systems in the tests believe the application lives. */
  String PUBLIC_BASE_URL = "https://callbacks.example.org";
  String TWILIO_AUTH_TOKEN = "test-twilio-auth-token";
  String PHONE_SYSTEM_SECRET = "test-phone-system-secret";

  /** Tuesday 1 December 2026, 09:00 in New York: inside practice hours, in the morning. */
  Instant TUESDAY_9AM = Instant.parse("2026-12-01T14:00:00Z");

  @TestConfiguration
  class ClockConfiguration {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock(TUESDAY_9AM);
    }
  }
}
