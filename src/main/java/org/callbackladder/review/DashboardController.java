package org.callbackladder.review;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dashboard}: the practice managers' charts (static/dashboard). The page is public; the
 * figures it shows come from {@code /api/reports}, for practice managers and administrators only.
 */
@Hidden
@Controller
public class DashboardController {

  @GetMapping({"/dashboard", "/dashboard/"})
  public String dashboard() {
    return "redirect:/dashboard/index.html";
  }
}
