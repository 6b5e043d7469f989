package org.callbackladder.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.callbackladder.support.BrowserTest;
import org.callbackladder.support.CallbackLadderTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard in headless Chromium: a practice manager signs in with their Tasklist user, picks a
 * week of their own (4 to 10 August 2025, hand-built), and sees every chart drawn with its figures
 * under the page's content security policy; a coordinator is refused. Screenshots go to
 * target/screenshots/.
 */
@CallbackLadderTest
class DashboardBrowserTest extends BrowserTest {

  static final List<String> CHARTS = List.of("chart-daily", "chart-wait", "chart-funnel", "chart-day-parts",
      "chart-attempts", "chart-unresolved", "chart-escalations");

  @Autowired JdbcTemplate jdbc;


  @Test
  void aPracticeManagerSeesEveryChartOfTheirWeek() throws IOException {
    ReportRows rows = new ReportRows(jdbc);
    UUID booked = rows.request("VOICEMAIL", "APPOINTMENT_REQUEST", "callback-coordinators", "2025-08-04T09:00", "2025-08-04",
        "2025-08-04T10:00", "2025-08-04T09:20", 1200, "2025-08-04T09:20", "CLOSED", "BOOKED", null, null);
    UUID open = rows.request("WEB_FORM", "GENERAL", "callback-coordinators", "2025-08-05T13:00", "2025-08-05",
        "2025-08-05T15:00", "2025-08-05T18:30", 19800, null, "IN_PROGRESS", null, "2025-08-05T15:00", null);
    rows.attempt(booked, 1, "casey", "REACHED", "2025-08-04T09:20", "morning");
    rows.attempt(open, 1, "casey", "NO_ANSWER", "2025-08-05T18:30", "evening");
    rows.handOff(open, "2025-08-05T19:00", "2025-08-05T19:06", 360, 0);

    browser.get("/dashboard");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    browser.screenshot("sign-in");
    browser.type(By.id("user"), "manager");
    browser.type(By.id("password"), "demo");
    browser.click(By.cssSelector("#sign-in button[type=submit]"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
    assertThat(browser.driver.findElement(By.id("sign-in")).isDisplayed()).as("the sign-in form gives way").isFalse();

    JavascriptExecutor page = (JavascriptExecutor) browser.driver;
    page.executeScript("document.getElementById('from').value = '2025-08-04';"
        + "document.getElementById('to').value = '2025-08-10';");
    browser.click(By.cssSelector("#period button[type=submit]"));
    browser.wait.until(driver -> tile("Requests received").equals("2"));
    browser.wait.until(driver -> CHARTS.stream().allMatch(chart -> "true".equals(
        driver.findElement(By.id(chart)).getDomAttribute("data-drawn"))));
    browser.screenshot("dashboard");

    assertThat(tile("Booked")).isEqualTo("50%");
    assertThat(tile("First call, median")).as("(1200 + 19800) / 2 s").isEqualTo("2 h 55 min");
    for (String chart : CHARTS) {
      WebElement drawn = browser.driver.findElement(By.id(chart));
      assertThat(drawn.findElements(By.cssSelector("svg path"))).as(chart + " is drawn").isNotEmpty();
      assertThat(drawn.getDomAttribute("aria-label")).as(chart + " says what it shows").isNotBlank();
    }
    assertThat(browser.driver.findElement(By.id("chart-funnel")).getDomAttribute("aria-label"))
        .isEqualTo("From request to booking: Received 2, Called 2, Reached 1, Booked 1");
    assertThat(browser.driver.findElement(By.id("chart-day-parts")).getDomAttribute("aria-label"))
        .contains("evening 0% of 1 calls", "morning 100% of 1 calls");

    page.executeScript("document.getElementById('before-from').value = '2025-07-28';"
        + "document.getElementById('before-to').value = '2025-08-03';"
        + "document.getElementById('after-from').value = '2025-08-04';"
        + "document.getElementById('after-to').value = '2025-08-10';");
    browser.click(By.cssSelector("#compare button[type=submit]"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
    assertThat(browser.driver.findElement(By.cssSelector("#changes tbody tr")).getText()).isEqualTo("received 0 2 2");
    browser.screenshot("before-and-after");
  }

  /** The webapps' Welcome page, where Tasklist's sign-in leads, links to the dashboard. */
  @Test
  void theWelcomePageLinksToTheDashboard() throws IOException {
    browser.logIn("welcome", "manager", "demo");
    WebElement link = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//a[normalize-space()='Callback dashboard']")));
    browser.screenshot("welcome");
    assertThat(link.getDomAttribute("href")).isEqualTo("/dashboard");
  }

  @Test
  void aCoordinatorIsRefusedTheFigures() throws IOException {
    browser.get("/dashboard");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    browser.type(By.id("user"), "coordinator");
    browser.type(By.id("password"), "demo");
    browser.click(By.cssSelector("#sign-in button[type=submit]"));

    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-problem")));
    browser.screenshot("refused");
    assertThat(browser.driver.findElement(By.id("sign-in-problem")).getText())
        .isEqualTo("The figures are for practice managers and administrators.");
    assertThat(browser.driver.findElement(By.id("figures")).isDisplayed()).isFalse();
  }

  /** A key figure's value as shown (read in one go: the tiles are redrawn for each period). */
  private String tile(String label) {
    Object value = ((JavascriptExecutor) browser.driver).executeScript("const tile = [...document.querySelectorAll('.tile')]"
        + ".find(t => t.querySelector('.label').textContent === arguments[0]);"
        + "return tile ? tile.querySelector('.value').textContent : '';", label);
    return String.valueOf(value);
  }
}
