package org.callbackladder.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.callbackladder.support.Browser;
import org.callbackladder.support.CallbackLadderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Which webapps each role gets into, in Chromium as people sign in: coordinators work in Tasklist
 * and are turned away from Cockpit and Admin; operations get Cockpit and Admin and no Tasklist.
 * Swagger UI works under the project's content security policy.
 */
@CallbackLadderTest
class WebappAccessBrowserTest {

  @LocalServerPort int port;

  Browser browser;

  @BeforeEach
  void openBrowser(TestInfo test) throws IOException {
    browser = Browser.open(port, test.getTestMethod().orElseThrow().getName());
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

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
