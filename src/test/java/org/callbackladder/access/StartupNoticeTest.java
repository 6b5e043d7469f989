package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up line tells a newcomer where to go and how to sign in, and never logs a real password. */
class StartupNoticeTest {

  @Test
  void theDefaultRunSaysItsPasswordsAndWhereTasklistIs() {
    String said = new StartupNotice(new AccessProperties("admin", "admin", true, "demo", false, List.of())).message("8080");

    assertThat(said).contains("Tasklist: http://localhost:8080/camunda/app/tasklist/",
        "dashboard: http://localhost:8080/dashboard", "Sign in as 'admin' with password 'admin'",
        "coordinator (callback-coordinators)", "manager (practice-managers)", "password 'demo'.");
  }

  @Test
  void aPasswordOfTheirOwnIsNeverWritten() {
    String said = new StartupNotice(new AccessProperties("chief", "s3cret-Practice-42", false, null, true, List.of()))
        .message("8443");

    assertThat(said).contains("Sign in as 'chief' with the password in CALLBACK_ADMIN_PASSWORD.")
        .doesNotContain("s3cret").doesNotContain("Demo users");
  }
}
