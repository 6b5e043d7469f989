package org.callbackladder.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.callbackladder.CallbackProcess;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.CallbackRequestRepository;
import org.callbackladder.request.Channel;
import org.callbackladder.request.Reason;
import org.callbackladder.support.Browser;
import org.callbackladder.support.BrowserTest;
import org.callbackladder.support.CallbackLadderTest;
import org.callbackladder.support.TestClock;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Coordinators work in Camunda Tasklist, in headless Chromium. One logs in, opens the call task,
 * claims it, reads the patient's name and the script in the form, records "reached / booked", and
 * the API then shows the request closed as booked. Another enters a request through "Start
 * process" and its start form. Screenshots of each step go to
 * target/screenshots/. Skipped, with a message, on a machine without Chromium, unless
 * -Dbrowser.tests.required=true (as in .ci/run).
 */
@CallbackLadderTest
class TasklistCallAttemptBrowserTest extends BrowserTest {

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired CallbackRequestRepository requests;
  @Autowired TestClock clock;

  WebDriverWait wait;

  @BeforeEach
  void waitAsTheBrowserDoes() {
    wait = browser.wait;
  }

  @Test
  void aCoordinatorWorksACallbackToABookedClosure() throws IOException {
    // noon in New York, 09:00 for this San Francisco patient: inside their window
    clock.set(CallbackLadderTest.TUESDAY_9AM.plus(Duration.ofHours(3)));
    JsonNode receipt = http.withBasicAuth("coordinator", "demo").postForObject("/api/callbacks", Map.of(
        "channel", "WEB_FORM", "reason", "NEW_PATIENT_APPOINTMENT",
        "patient", Map.of("name", "Avery Quinn", "phone", "+1 415 555 0168"),
        "message", "New to the area, looking for a family doctor",
        "preferredTimes", "weekday mornings"), JsonNode.class);
    String id = receipt.get("id").asText();
    String taskId = tasks.createTaskQuery().processInstanceId(receipt.get("processInstanceId").asText())
        .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).singleResult().getId();

    logInAsCoordinator();

    browser.get("/camunda/app/tasklist/default/#/?task=" + taskId);
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'task-details')]//button[normalize-space()='Claim'] | //button[contains(@class,'claim')]")));
    browser.screenshot("task-opened");
    claim.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    wait.until(driver -> browser.fieldValue("Patient").contains("Avery Quinn"));
    browser.screenshot("form-loaded");

    assertThat(browser.fieldValue("Patient")).isEqualTo("Avery Quinn");
    assertThat(browser.fieldValue("Number to dial")).isEqualTo("+1 415-555-0168");
    assertThat(browser.fieldValue("What the patient already told us")).isEqualTo("New to the area, looking for a family doctor");
    assertThat(browser.fieldValue("Script")).contains("Riverside Family Practice", "becoming a patient", "call 911");

    // before Complete: what the ladder does for each outcome, from its own table
    assertThat(browser.fieldValue("What happens next")).contains(
        "Reached, booked / Reached, resolved on the call / Wrong number / Declined: the request closes.",
        "No answer / Voicemail left / Busy / Call dropped / Spoke with someone else: nothing will be sent",
        "then attempt 2 of 3 around", "Number disconnected: a practice manager looks for another number.");
    assertThat(browser.fieldValue("Today")).isEqualTo("Today you may call them 12:00-18:00 practice time (09:00-15:00 theirs).");
    browser.scrollTo(By.xpath(Browser.fieldXpath("What happens next")));
    browser.screenshot("what-happens-next");
    browser.click(By.xpath("//label[contains(normalize-space(), 'Reached the patient')]"));
    browser.choose("What was done", "Booked an appointment");
    browser.dateTime("Appointment date", "01/12/2027", "10:30");
    browser.type(By.xpath(Browser.fieldXpath("With whom or where") + "//input"), "Dr. Okafor");
    browser.type(By.xpath(Browser.fieldXpath("Notes") + "//textarea"), "Booked a new patient visit for Thursday 9:30");
    // the patient asked for this on the call: it holds for their number from now on
    By notAtWork = By.xpath(Browser.fieldXpath("Not call or text during their work hours") + "//input[@type='checkbox']");
    browser.click(notAtWork);
    wait.until(driver -> driver.findElement(notAtWork).isSelected());
    browser.screenshot("form-filled");
    browser.click(By.xpath("//button[normalize-space()='Complete']"));

    try {
      wait.until(driver -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    } finally {
      browser.screenshot("after-complete");
    }
    browser.screenshot("completed");
    JsonNode shown = http.withBasicAuth("manager", "demo").getForObject("/api/callbacks/" + id, JsonNode.class);
    assertThat(shown.get("status").asText()).isEqualTo("CLOSED");
    assertThat(shown.get("closureReason").asText()).isEqualTo("BOOKED");
    assertThat(shown.get("attempts").get(0).get("agent").asText()).isEqualTo("coordinator");
    assertThat(shown.get("attempts").get(0).get("notes").asText()).isEqualTo("Booked a new patient visit for Thursday 9:30");
    // the appointment is a field the reviews count, in practice time (New York, January)
    assertThat(shown.get("attempts").get(0).get("appointmentAt").asText()).isEqualTo("2027-01-12T15:30:00Z");
    assertThat(shown.get("attempts").get(0).get("appointmentWith").asText()).isEqualTo("Dr. Okafor");
    JsonNode preferences = http.withBasicAuth("manager", "demo")
        .getForObject("/api/patients/+14155550168/contact-preferences", JsonNode.class);
    assertThat(preferences.get("notDuringWorkHours").asBoolean()).isTrue();
    assertThat(preferences.get("voicemail").asText()).as("a box not ticked changes nothing").isEqualTo("MINIMAL_ONLY");
    JsonNode change = preferences.get("history").get(preferences.get("history").size() - 1);
    assertThat(change.get("field").asText()).isEqualTo("notDuringWorkHours");
    assertThat(change.get("source").asText()).isEqualTo("call attempt 1");
    assertThat(change.get("by").asText()).isEqualTo("coordinator");
  }

  /** Whatever a patient typed is shown as the text it is: no markup, no script, no link runs. */
  @Test
  void patientTextIsShownAsTextNeverAsMarkup() throws IOException {
    String name = "<img src=x onerror=\"window.pwned=1\">Avery **Bold**";
    String message = "<script>window.pwned=2</script> [call me](javascript:window.pwned=3) <b>now</b>";
    JsonNode receipt = http.withBasicAuth("coordinator", "demo").postForObject("/api/callbacks", Map.of(
        "channel", "WEB_FORM", "reason", "GENERAL",
        "patient", Map.of("name", name, "phone", "+1 415 555 0171"), "message", message), JsonNode.class);
    String taskId = tasks.createTaskQuery().processInstanceId(receipt.get("processInstanceId").asText())
        .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).singleResult().getId();
    logInAsCoordinator();

    browser.get("/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'task-details')]//button[normalize-space()='Claim'] | //button[contains(@class,'claim')]"))).click();
    wait.until(driver -> browser.fieldValue("Patient").contains("Avery"));
    browser.screenshot("hostile-text");

    assertThat(browser.fieldValue("Patient")).isEqualTo(name);
    assertThat(browser.fieldValue("What the patient already told us")).isEqualTo(message);
    assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.pwned === undefined ? null : window.pwned")).isNull();
    assertThat(browser.driver.findElements(By.cssSelector(".fjs-form img, .fjs-form script, .fjs-form b, .fjs-form a[href^='javascript']")))
        .isEmpty();
  }

  /** The other door: a coordinator types in a request that reached the front desk. */
  @Test
  void aCoordinatorEntersARequestThroughStartProcess() throws IOException {
    logInAsCoordinator();

    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Start process']"))).click();
    var newRequest =
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='New callback request']")));
    browser.screenshot("start-process-list");
    // staff start "New callback request"; the ladder itself is not offered (only the application starts it)
    assertThat(browser.driver.findElements(By.xpath("//a[normalize-space()='Patient callback']"))).isEmpty();
    newRequest.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    browser.type(By.xpath(Browser.fieldXpath("Patient name") + "//input"), "Morgan Desk-Visit");
    browser.type(By.xpath(Browser.fieldXpath("Callback number") + "//input"), "(415) 555-0181");
    browser.choose("Reason", "Forms and intake");
    browser.type(By.xpath(Browser.fieldXpath("What the patient said") + "//textarea"), "Came by to ask about the new patient forms");
    browser.screenshot("start-form-filled");
    browser.driver.findElement(By.xpath("//button[normalize-space()='Start']")).click();

    wait.until(driver -> requests.findAll().stream().anyMatch(r -> "Morgan Desk-Visit".equals(r.getPatientName())));
    browser.screenshot("start-form-started");
    CallbackRequest entered = requests.findAll().stream()
        .filter(r -> "Morgan Desk-Visit".equals(r.getPatientName())).findFirst().orElseThrow();
    assertThat(entered.getChannel()).isEqualTo(Channel.MANUAL);
    assertThat(entered.getReason()).isEqualTo(Reason.FORMS_AND_INTAKE);
    assertThat(entered.getPatientPhone()).isEqualTo("+14155550181");
    assertThat(entered.getQueue()).isEqualTo("callback-coordinators");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(entered.getId().toString())
        .taskDefinitionKey(CallbackProcess.TASK_CALL_PATIENT).count()).isEqualTo(1);
  }

  private void logInAsCoordinator() throws IOException {
    browser.logIn("tasklist", "coordinator", "demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list, [cam-tasks]")));
    browser.screenshot("tasklist");
  }
}
