package org.callbackladder.access;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the application where to go and how to sign in, without the README: on the
 * default run the built-in passwords are said outright (they are no secret); any other password is
 * never written to the log.
 */
@Component
public class StartupNotice {

  /** The default run's passwords (application.yaml): known to everyone who reads the README anyway. */
  static final String DEFAULT_ADMIN_PASSWORD = "admin";
  static final String DEFAULT_DEMO_PASSWORD = "demo";

  private static final Logger log = LoggerFactory.getLogger(StartupNotice.class);

  private final AccessProperties access;

  public StartupNotice(AccessProperties access) {
    this.access = access;
  }

  @EventListener
  public void ready(ApplicationReadyEvent event) {
    log.info(message(event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080")));
  }

  String message(String port) {
    String base = "http://localhost:" + port;
    String admin = DEFAULT_ADMIN_PASSWORD.equals(access.adminPassword())
        ? "password '" + DEFAULT_ADMIN_PASSWORD + "' (the default run's; set CALLBACK_ADMIN_PASSWORD to change it)"
        : "the password in CALLBACK_ADMIN_PASSWORD";
    String demo = !access.demoUsers() ? ""
        : " Demo users, one per role: " + DemoUsers.USERS.stream().map(user -> user[0] + " (" + user[3] + ")")
            .collect(Collectors.joining(", ")) + ", "
            + (DEFAULT_DEMO_PASSWORD.equals(access.demoPassword())
                ? "password '" + DEFAULT_DEMO_PASSWORD + "'." : "with the password in CALLBACK_DEMO_PASSWORD.");
    return "Callback Ladder is running. Work callbacks in Tasklist: " + base + "/camunda/app/tasklist/ ;"
        + " the managers' dashboard: " + base + "/dashboard ; operations: " + base + "/camunda/app/cockpit/ ;"
        + " the API: " + base + "/swagger-ui.html . Sign in as '" + access.adminUser() + "' with " + admin + "." + demo;
  }
}
