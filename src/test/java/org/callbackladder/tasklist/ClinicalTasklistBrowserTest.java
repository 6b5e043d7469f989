package org.callbackladder.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callbackladder.CallbackProcess;
import org.callbackladder.support.Browser;
import org.callbackladder.support.BrowserTest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The clinical team in Tasklist, in headless Chromium: a possible emergency sits on top of the
 * "Clinical" filter, above a clinical question, and its form shows the patient's own words and the
 * rule that matched; the clinician records the outcome. A coordinator's Tasklist shows neither task.
 */
@CallbackLadderTest
class ClinicalTasklistBrowserTest extends BrowserTest {

  static final String WORDS = "my dad has crushing chest pain and he is sweating";

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired TestClock clock;

  WebDriverWait wait;

  @BeforeEach
  void waitAsTheBrowserDoes() {
    wait = browser.wait;
  }

  @AfterEach
  void resetClock() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
  }

  @Test
  void aClinicianSeesTheUrgentCallbackOnTopWithThePatientsWordsAndACoordinatorDoesNot() throws IOException {
    // earlier than the other tests' requests in this database, so these tasks are due first
    clock.set(Instant.parse("2026-11-02T14:00:00Z"));
    JsonNode review = handIn("Robin Rash", "+1 415 555 0191", "a rash on my arm since the new cream, should I come in?");
    JsonNode urgent = handIn("Dana Chest", "+1 415 555 0192", WORDS);
    assertThat(urgent.get("screening").asText()).isEqualTo("EMERGENCY");
    String urgentTask = tasks.createTaskQuery().processInstanceId(urgent.get("processInstanceId").asText())
        .taskDefinitionKey(CallbackProcess.TASK_URGENT_CLINICAL_CALLBACK).singleResult().getId();
    assertThat(tasks.createTaskQuery().processInstanceId(review.get("processInstanceId").asText())
        .taskDefinitionKey(CallbackProcess.TASK_CLINICAL_REVIEW).count()).isEqualTo(1);

    browser.logIn("tasklist", "coordinator", "demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list, [cam-tasks]")));
    browser.screenshot("coordinator-tasklist");
    assertThat(browser.driver.findElements(By.xpath(filterXpath("Clinical")))).as("no Clinical filter").isEmpty();
    assertThat(taskNames()).doesNotContain("Urgent clinical callback", "Clinical review");
    browser.get("/camunda/app/tasklist/default/#/?task=" + urgentTask);
    browser.screenshot("coordinator-opens-urgent-task-by-link");
    assertThat(browser.driver.getPageSource()).doesNotContain("chest pain").doesNotContain("Dana Chest");
    browser.driver.manage().deleteAllCookies();

    browser.logIn("tasklist", "clinician", "demo");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(filterXpath("Clinical")))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//*[contains(@class,'task-filter') and contains(@class,'active')]//h4/a[starts-with(normalize-space(),'Clinical')]")));
    wait.until(driver -> taskNames().contains("Urgent clinical callback"));
    browser.screenshot("clinical-filter");
    // urgent first, then by due date: this one, raised earliest, tops the list
    assertThat(taskNames().get(0)).as("the possible emergency on top").isEqualTo("Urgent clinical callback");
    List<String> names = taskNames();
    if (names.contains("Clinical review")) {
      assertThat(names.lastIndexOf("Urgent clinical callback")).as("every emergency above every clinical question")
          .isLessThan(names.indexOf("Clinical review"));
    }

    browser.click(By.cssSelector("[cam-tasks] .tasks-list li:first-child a"));
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'task-details')]//button[normalize-space()='Claim'] | //button[contains(@class,'claim')]")))
        .click();
    wait.until(driver -> browser.fieldValue("The patient's exact words").contains("chest pain"));
    browser.screenshot("urgent-form");
    assertThat(browser.fieldValue("The patient's exact words")).isEqualTo(WORDS);
    assertThat(browser.fieldValue("Red-flag rule that matched")).startsWith("chest pain or pressure");
    assertThat(browser.fieldValue("Lines the practice uses with patients")).contains("911");

    browser.click(By.xpath("//label[contains(normalize-space(), 'Handled by the clinical team')]"));
    browser.type(By.xpath(Browser.fieldXpath("What was done") + "//textarea"), "Spoke to the son: ambulance called");
    browser.click(By.xpath("//button[normalize-space()='Complete']"));
    wait.until(driver -> tasks.createTaskQuery().taskId(urgentTask).count() == 0);
    browser.screenshot("urgent-done");
    JsonNode shown = http.withBasicAuth("clinician", "demo")
        .getForObject("/api/callbacks/" + urgent.get("id").asText(), JsonNode.class);
    assertThat(shown.get("closureReason").asText()).isEqualTo("CLINICAL_HANDOFF");
    assertThat(shown.get("clinicalTimeline").get(0).get("completedBy").asText()).isEqualTo("clinician");
  }

  private JsonNode handIn(String name, String phone, String message) {
    return http.withBasicAuth("manager", "demo").postForObject("/api/callbacks", Map.of(
        "channel", "WEB_FORM", "reason", "APPOINTMENT_REQUEST", "patient", Map.of("name", name, "phone", phone),
        "message", message), JsonNode.class);
  }

  /** A Tasklist filter's link, by the filter's name. */
  private static String filterXpath(String name) {
    return "//*[contains(@class,'task-filter')]//h4/a[starts-with(normalize-space(),'" + name + "')]";
  }

  /** The names of the tasks in the list, top first. */
  private List<String> taskNames() {
    return browser.driver.findElements(By.cssSelector(".tasks-list li .names .task, .tasks-list li h4")).stream()
        .map(WebElement::getText).map(String::strip).filter(text -> !text.isEmpty()).toList();
  }
}
