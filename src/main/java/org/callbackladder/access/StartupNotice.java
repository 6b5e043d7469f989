package org.callbackladder.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where to go and how to log in. */
@Component
public class StartupNotice {

  private static final Logger log = LoggerFactory.getLogger(StartupNotice.class);

  private final AccessProperties access;

  public StartupNotice(AccessProperties access) {
    this.access = access;
  }

  @EventListener
  public void ready(ApplicationReadyEvent event) {
    String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
    log.info(
        "Callback Ladder is running: Tasklist http://localhost:{}/camunda/app/tasklist/ ,"
            + " Cockpit http://localhost:{}/camunda/app/cockpit/ , API http://localhost:{}/api/callbacks ."
            + " Log in as '{}' with the password in CALLBACK_ADMIN_PASSWORD{}.",
        port, port, port, access.adminUser(),
        access.demoUsers() ? " (or a demo user, see the README)" : "");
  }
}
