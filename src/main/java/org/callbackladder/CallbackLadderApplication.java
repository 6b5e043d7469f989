package org.callbackladder;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Callback Ladder: every patient callback request owned, worked through a response ladder, and
 * closed with a reason. The ladder is {@code processes/patient-callback.bpmn}, deployed by {@link
 * LadderDeployment}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CallbackLadderApplication {

  public static void main(String[] args) {
    SpringApplication.run(CallbackLadderApplication.class, args);
  }

  /** The one clock every service reads; tests replace it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
