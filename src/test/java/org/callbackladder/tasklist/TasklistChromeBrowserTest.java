package org.callbackladder.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.callbackladder.support.BrowserTest;
import org.callbackladder.support.CallbackLadderTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What staff see around their work in the webapps: Tasklist does not offer "Create task" (tasks come
 * from the ladder), and no webapp shows the platform's end-of-support banner to them.
 */
@CallbackLadderTest
class TasklistChromeBrowserTest extends BrowserTest {



  @Test
  void tasklistOffersNoFreeTaskAndNoPlatformBanner() throws IOException {
    browser.logIn("tasklist", "coordinator", "demo");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list, [cam-tasks]")));
    WebElement start = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//a[contains(normalize-space(), 'Start process')]")));
    browser.screenshot("tasklist-header");

    assertThat(start.isDisplayed()).as("requests are still entered by hand").isTrue();
    assertThat(browser.driver.findElements(By.cssSelector("li.create-task-action"))).isNotEmpty().allMatch(item -> !item.isDisplayed());
    assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty().allMatch(banner -> !banner.isDisplayed());
  }

  @Test
  void cockpitShowsOperationsNoPlatformBanner() throws IOException {
    browser.logIn("cockpit", "operations", "demo");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header]")));
    browser.screenshot("cockpit-header");

    assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty().allMatch(banner -> !banner.isDisplayed());
  }
}
