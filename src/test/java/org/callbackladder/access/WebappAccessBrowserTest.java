package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.UUID;
import org.callbackladder.intake.IntakeService;
import org.callbackladder.support.BrowserTest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Ladder;
import org.callbackladder.support.Phones;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which webapps each role gets into, in Chromium as people sign in: coordinators work in Tasklist
 * and are turned away from Cockpit and Admin; operations get Cockpit and Admin and no Tasklist.
 * Swagger UI works under the project's content security policy.
 */
@CallbackLadderTest
class WebappAccessBrowserTest extends BrowserTest {

  @Autowired IntakeService intake;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;


  @Test
  void aCoordinatorIsTurnedAwayFromCockpitAndAdmin() throws IOException {
    for (String app : new String[] {"cockpit", "admin"}) {
      browser.logIn(app, "coordinator", "demo");
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notification.alert-danger, .alert-danger")));
      browser.screenshot(app + "-refused");

      assertThat(browser.driver.findElements(By.cssSelector("input[ng-model='password']")))
          .as("still on the login page of " + app).isNotEmpty();
      assertThat(browser.driver.findElement(By.cssSelector(".alert-danger")).getText()).isNotBlank();
    }
  }

  @Test
  void operationsWorkInCockpitAndAdminButNotInTasklist() throws IOException {
    browser.logIn("cockpit", "operations", "demo");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header], .dashboard, .processes-dashboard")));
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
    browser.screenshot("cockpit-dashboard");

    browser.get("/camunda/app/admin/default/#/users");
    try {
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(normalize-space(),'Oakley')]")));
    } catch (RuntimeException notShown) {
      browser.screenshot("admin-users-not-shown");
      throw notShown;
    }
    browser.screenshot("admin-users");

    browser.get("/camunda/app/tasklist/default/");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    browser.screenshot("tasklist-refused");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Forbidden");
    assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("your role may not open this page");
    assertThat(browser.driver.findElements(By.cssSelector(".tasks-list, [cam-tasks]"))).isEmpty();
  }

  /**
   * The runbook's drill: a step keeps failing (a duplicate outbox row blocks "Queue follow-up
   * message"), becomes an incident after its retries, the cause is removed, and operations retry it
   * in Cockpit. The ladder then goes on; operations still cannot change it.
   */
  @Test
  void operationsRetryAFailedStepInCockpit() throws IOException {
    ProcessInstance ladder = Ladder.start(intake, engine, Ladder.request("WEB_FORM", "GENERAL", "Inci Dent", Phones.next()));
    Ladder.call(engine, ladder, "NO_ANSWER", null);
    UUID request = UUID.fromString(ladder.getBusinessKey());
    jdbc.update("insert into outbox_message (callback_request_id, kind, attempt_number, channel, recipient, body, status, created_at)"
        + " values (?, 'FOLLOW_UP', 1, 'TEXT', 'x', 'blocking row', 'PENDING', current_timestamp)", request);
    Job step = engine.getManagementService().createJobQuery().processInstanceId(ladder.getId()).singleResult();
    for (int tries = 0; tries < 3; tries++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(step.getId())).isInstanceOf(RuntimeException.class);
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(ladder.getId()).count()).isEqualTo(1);
    jdbc.update("delete from outbox_message where callback_request_id = ? and body = 'blocking row'", request);

    browser.logIn("cockpit", "operations", "demo");
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
    browser.get("/camunda/app/cockpit/default/#/process-instance/" + ladder.getId() + "/runtime?tab=incidents-tab");
    browser.click(By.cssSelector("[ng-click='openJobRetryDialog(incident)']"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-content")));
    browser.screenshot("retry-dialog");
    browser.click(By.cssSelector(".modal-content [ng-click='incrementRetry()']"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class,'modal-content')]//button[normalize-space()='OK']")));
    browser.screenshot("retried");
    assertThat(browser.driver.findElement(By.cssSelector(".modal-content .modal-body")).getText())
        .contains("has been incremented successfully").doesNotContain("could not be incremented");

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(ladder.getId()).count()).isZero();
    engine.getManagementService().executeJob(step.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(ladder.getId())
        .singleResult()).as("the ladder went on to its next attempt").isNotNull();
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where callback_request_id = ? and kind = 'FOLLOW_UP'",
        Long.class, request)).isEqualTo(1);
    assertThat(engine.getHistoryService().createUserOperationLogQuery().userId("operations").jobId(step.getId()).count())
        .as("Camunda's log names who retried").isPositive();
  }

  @Test
  void swaggerUiWorksUnderTheContentSecurityPolicy() throws IOException {
    browser.get("/swagger-ui/index.html");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".opblock")));
    browser.screenshot("swagger-ui");

    assertThat(browser.driver.findElements(By.cssSelector(".opblock-summary-path")))
        .extracting(element -> element.getText().replace("\u200B", ""))
        .contains("/api/callbacks", "/api/tokens");
  }
}
