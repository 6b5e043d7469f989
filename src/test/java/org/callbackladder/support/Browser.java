package org.callbackladder.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium against the running application, with screenshots of each step in
 * target/screenshots/. Without Chromium the test is skipped with a message, unless
 * -Dbrowser.tests.required=true (as in .ci/run), where it fails.
 */
public final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public final WebDriver driver;
  public final WebDriverWait wait;
  private final int port;
  private final String testName;
  private int step;

  private Browser(WebDriver driver, int port, String testName) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    this.port = port;
    this.testName = testName;
  }

  public static Browser open(int port, String testName) throws IOException {
    boolean found = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    String missing = "Chromium not found at " + CHROMIUM + " / " + CHROMEDRIVER
        + " (apt-get install chromium chromium-driver)";
    if (Boolean.getBoolean("browser.tests.required")) {
      Assertions.assertTrue(found, missing);
    }
    Assumptions.assumeTrue(found, missing + ": skipping the browser test");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1600",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    Files.createDirectories(SCREENSHOTS);
    return new Browser(new ChromeDriver(service, options), port, testName);
  }

  public void get(String path) {
    driver.get("http://localhost:" + port + path);
  }

  /** Signs in on a Camunda webapp's login page (Tasklist, Cockpit or Admin). */
  public void logIn(String app, String userId, String password) throws IOException {
    get("/camunda/app/" + app + "/default/");
    type(By.cssSelector("input[ng-model='username']"), userId);
    type(By.cssSelector("input[ng-model='password']"), password);
    screenshot(app + "-login-" + userId);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /** Scrolls the element to the middle of the window, as a person would, and clicks it. */
  /** Opens a form-js select and picks the option with the given label. */
  public void choose(String label, String option) {
    WebElement select = driver.findElement(By.xpath(fieldXpath(label)));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
    select.findElement(By.cssSelector(".fjs-input-group")).click();
    WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath(fieldXpath(label) + "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']")));
    // the list scrolls by itself: bring the option into its visible part, as a person would
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'nearest'})", item);
    // the list may still be settling under the next field: try again until the option takes the click
    wait.ignoring(ElementClickInterceptedException.class).until(driver -> {
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'nearest'})", item);
      item.click();
      return true;
    });
  }
  /** Brings an element to the middle of the window, for a screenshot of it. */
  public void scrollTo(By element) {
    WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(element));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
  }

  public void click(By element) {
    // a form still settling, or a notice sliding in, may take the click: scroll and try again
    wait.ignoring(ElementClickInterceptedException.class).until(driver -> {
      scrollTo(element);
      wait.until(ExpectedConditions.elementToBeClickable(element)).click();
      return true;
    });
  }

  public void type(By field, String text) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(field));
    input.clear();
    input.sendKeys(text);
  }

  /**
   * Fills a Camunda Forms date-and-time field, found by its date label: the date as the picker shows
   * it (MM/DD/YYYY), the time as HH:MM.
   */
  public void dateTime(String dateLabel, String date, String time) {
    String field = fieldXpath(dateLabel);
    By day = By.xpath(field + "//input[contains(@placeholder,'mm/dd/yyyy')]");
    type(day, date);
    driver.findElement(day).sendKeys(Keys.TAB);
    By hour = By.xpath(field + "//input[contains(@placeholder,'hh:mm')]");
    type(hour, time);
    driver.findElement(hour).sendKeys(Keys.TAB);
  }

  /** The Camunda Forms field whose label starts with {@code label} (required fields add a star). */
  public static String fieldXpath(String label) {
    // a group (the task's sheet) holds its fields' labels too: the field is the innermost match
    return "//div[contains(@class,'fjs-form-field')][not(contains(@class,'fjs-form-field-group'))]"
        + "[.//label[starts-with(normalize-space(), \"" + label + "\")]]";
  }

  /** What the form field with that label shows: its input's or text area's value, or nothing. */
  public String fieldValue(String label) {
    // a form that is still rendering (after a claim) may replace the field under us: read it again
    return wait.ignoring(StaleElementReferenceException.class).until(driver ->
        driver.findElements(By.xpath(fieldXpath(label) + "//*[self::input or self::textarea]")).stream()
            .findFirst()
            .map(element -> element.getDomProperty("value"))
            .orElse(""));
  }

  public void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++step, name)), png);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
