package org.callbackladder.support;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test that works the application through headless Chromium: a browser per test, its screenshots named after it. */
public abstract class BrowserTest {

  @LocalServerPort protected int port;

  protected Browser browser;

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
}
