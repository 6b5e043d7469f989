package org.callbackladder.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callbackladder.CallbackProcess;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.support.Browser;
import org.callbackladder.support.BrowserTest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.Phones;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The worklist in Tasklist as a coordinator and a manager use it: who, why and when at a glance, in
 * priority order; calls whose patient may not be called yet kept out of "My queue"; routing to
 * another queue; a manager correcting a time zone. Screenshots under target/screenshots/.
 */
@CallbackLadderTest
class WorklistBrowserTest extends BrowserTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired CallbackRequestRepository requests;
  @Autowired TestClock clock;

  /**
   * Tuesday 09:00 in New York, for the ladder and for Tasklist's filters alike (they compare
   * follow-up dates with the engine's now). Other tests' open ladders would crowd the list: they go.
   */
  @BeforeEach
  void tuesdayMorningWithAnEmptyQueue() {
    clock.set(CallbackLadderTest.TUESDAY_9AM);
    ClockUtil.setCurrentTime(Date.from(CallbackLadderTest.TUESDAY_9AM.plusSeconds(60)));
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallbackProcess.PROCESS_KEY).list()
        .forEach(ladder -> engine.getRuntimeService().deleteProcessInstance(ladder.getId(), "cleared for the worklist test"));
  }

  @AfterEach
  void engineTime() {
    ClockUtil.reset();
  }

  @Test
  void aCoordinatorSeesWhoWhyAndWhenInPriorityOrderAndNothingTheyMayNotCallYet() throws IOException {
    request("INSURANCE_QUESTION", "America/New_York", null);
    request("TELEHEALTH_SUPPORT", "America/Chicago", "es");
    request("NEW_PATIENT_APPOINTMENT", "America/New_York", null);
    // 06:00 in Los Angeles: not before 11:00 here
    request("APPOINTMENT_REQUEST", "America/Los_Angeles", null);

    browser.logIn("tasklist", "coordinator", "demo");
    List<String> myQueue = listed("My queue", 3);
    browser.screenshot("my-queue");

    assertThat(myQueue).hasSize(3);
    assertThat(myQueue.get(0)).contains("Telehealth support · Attempt 1 of 3 · Chicago, 1 hour behind · Spanish speaker");
    assertThat(myQueue.get(1)).contains("New patient appointment · Attempt 1 of 3 · practice time zone");
    assertThat(myQueue.get(2)).contains("Insurance question · Attempt 1 of 3 · practice time zone");
    assertThat(String.join("\n", myQueue)).doesNotContain("Los Angeles");

    List<String> later = listed("Later today / Scheduled", 1);
    browser.screenshot("later-today");
    assertThat(later).singleElement().asString().contains("Appointment request · Attempt 1 of 3 · Los Angeles, 3 hours behind");
  }

  @Test
  void theSheetShowsTheLanguageCueAndTheReferral() throws IOException {
    var response = http.withBasicAuth("referrals", "demo").postForEntity("/api/callbacks", Map.of(
        "channel", "REFERRAL", "reason", "REFERRAL_QUESTION",
        "patient", Map.of("name", "Ana Referida", "phone", Phones.dialled(Phones.next()), "preferredLanguage", "es",
            "dateOfBirth", "1984-03-12"),
        "referral", Map.of("practiceName", "Lakeside Cardiology", "contact", "Dr. Brandt's office", "recordsReceived", false)),
        JsonNode.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    JsonNode receipt = response.getBody();
    Task call = callOf(receipt.get("processInstanceId").asText());

    browser.logIn("tasklist", "referrals", "demo");
    openAndClaim(call);

    browser.wait.until(driver -> !driver.findElements(By.xpath("//*[contains(@class,'fjs-form')]//*[contains(normalize-space(),"
        + " 'NEEDS A SPANISH SPEAKER')]")).isEmpty());
    assertThat(browser.fieldValue("Referral")).contains("Referred by Lakeside Cardiology", "Dr. Brandt's office", "RECORDS MISSING");
    assertThat(browser.fieldValue("Date of birth")).startsWith("12 March 1984");
    browser.screenshot("language-and-referral");
  }

  @Test
  void aCoordinatorRoutesAReachedPatientToTheReferralCoordinators() throws IOException {
    String ladder = request("APPOINTMENT_REQUEST", "America/New_York", null);
    Task call = callOf(ladder);

    browser.logIn("tasklist", "coordinator", "demo");
    openAndClaim(call);
    browser.click(By.xpath("//label[contains(normalize-space(), 'Reached the patient')]"));
    browser.choose("What was done", "Routed to another queue or team");
    browser.choose("Route to", "Referral coordinators");
    browser.screenshot("routing");
    browser.click(By.xpath("//button[normalize-space()='Complete']"));

    browser.wait.until(driver -> engine.getTaskService().createTaskQuery().taskId(call.getId()).count() == 0);
    Task routed = callOf(ladder);
    assertThat(engine.getTaskService().getIdentityLinksForTask(routed.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("referral-coordinators"));
    assertThat(requests.getRequired(UUID.fromString(businessKey(ladder))).getQueue())
        .isEqualTo("referral-coordinators");
  }

  @Test
  void aManagerCorrectsATimeZoneAndTheLadderSchedulesTheCall() throws IOException {
    // 08:00-20:00 in Tokyo is 18:00-06:00 here: no time to call until the zone is corrected
    String ladder = request("GENERAL", "Asia/Tokyo", null);
    Task resolve = engine.getTaskService().createTaskQuery().processInstanceId(ladder)
        .taskDefinitionKey(CallbackProcess.TASK_RESOLVE_CALLING_WINDOW).singleResult();
    assertThat(resolve).isNotNull();

    browser.logIn("tasklist", "manager", "demo");
    assertThat(listed("Needs a manager", 1)).singleElement().asString().contains("No time to call");
    browser.click(By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space()='Resolve calling window']"));
    claim();
    browser.wait.until(driver -> browser.fieldValue("Why it is with you").contains("do not meet"));
    browser.type(By.xpath(Browser.fieldXpath("The patient's time zone") + "//input"), "America/Los_Angeles");
    browser.click(By.xpath("//label[contains(normalize-space(), 'Details corrected')]"));
    browser.screenshot("calling-window-corrected");
    browser.click(By.xpath("//button[normalize-space()='Complete']"));

    browser.wait.until(driver -> engine.getTaskService().createTaskQuery().taskId(resolve.getId()).count() == 0);
    browser.screenshot("completed");
    assertThat(requests.getRequired(UUID.fromString(businessKey(ladder))).getPatientTimeZone()).isEqualTo("America/Los_Angeles");
    assertThat(engine.getRuntimeService().getActiveActivityIds(ladder)).contains(CallbackProcess.GATEWAY_WAIT_FOR_NEXT_ATTEMPT);
    assertThat(engine.getRuntimeService().getVariable(ladder, CallbackProcess.Vars.NEXT_ATTEMPT_AT))
        .isEqualTo("2026-12-01T12:00:00-05:00");
  }

  /** A request through the API as the intake integration would send it; its ladder's id. */
  private String request(String reason, String zone, String language) {
    Map<String, Object> patient = new java.util.HashMap<>(Map.of("name", "Worklist Patient", "phone", Phones.dialled(Phones.next()),
        "timeZone", zone));
    if (language != null) {
      patient.put("preferredLanguage", language);
    }
    JsonNode receipt = http.withBasicAuth("coordinator", "demo").postForObject("/api/callbacks",
        Map.of("channel", "WEB_FORM", "reason", reason, "patient", patient), JsonNode.class);
    return receipt.get("processInstanceId").asText();
  }

  /** The lines of a filter's list, once it shows {@code expected} tasks. */
  private List<String> listed(String filter, int expected) {
    browser.click(By.xpath("//*[contains(@class,'task-filters')]//a[starts-with(normalize-space(), '" + filter + "')]"));
    By items = By.cssSelector(".tasks-list li.task");
    browser.wait.until(driver -> driver.findElements(items).size() == expected);
    return browser.driver.findElements(items).stream().map(WebElement::getText).toList();
  }

  private void openAndClaim(Task task) {
    browser.get("/camunda/app/tasklist/default/#/?task=" + task.getId());
    claim();
  }

  private void claim() {
    browser.wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'task-details')]//button[normalize-space()='Claim'] | //button[contains(@class,'claim')]")))
        .click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    browser.wait.until(driver -> !browser.fieldValue("Patient").isEmpty());
  }

  private Task callOf(String ladder) {
    return engine.getTaskService().createTaskQuery().processInstanceId(ladder)
        .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).singleResult();
  }

  private String businessKey(String ladder) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(ladder).singleResult().getBusinessKey();
  }
}
