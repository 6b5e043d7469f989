package org.callbackladder.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.callbackladder.support.CallbackLadderTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The weekly review's suggestions on hand-built weeks to Friday 6 June 2025 (nothing else in the
 * shared database falls in those weeks): 40 requests, 20 in the last four weeks (8 insurance
 * questions: 40%) and 20 in the four before (2: 10%); 6 of the 40 closed as wrong numbers (15%); 50
 * calls, 25 in the patients' mornings reaching 5 (20%) and 25 in their evenings reaching 20 (80%).
 * With the defaults (a sample of 20 at least, 10 points apart) each is called out, with the numbers
 * behind it.
 */
@CallbackLadderTest
class ReviewSheetsTest {

  static final LocalDate LAST_DAY = LocalDate.parse("2025-06-06");

  @Autowired ReviewSheets sheets;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theWeeklyReviewCallsOutWhatStandsOutWithTheNumbersBehindIt() {
    ReportRows rows = new ReportRows(jdbc);
    List<UUID> requests = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean recent = i < 20;
      LocalDate day = recent ? LocalDate.parse("2025-05-12").plusDays(i) : LocalDate.parse("2025-04-14").plusDays(i - 20);
      String reason = (recent && i < 8) || i == 20 || i == 21 ? "INSURANCE_QUESTION" : "GENERAL";
      String closure = i % 20 < 3 ? "WRONG_NUMBER" : "BOOKED";
      requests.add(rows.request("WEB_FORM", reason, "callback-coordinators", day + "T09:00", day.toString(), day + "T10:00",
          day + "T09:30", 1800, null, "CLOSED", closure, null, null));
    }
    for (int call = 0; call < 50; call++) {
      boolean morning = call % 2 == 0;
      int ofItsKind = call / 2;
      UUID request = requests.get(call % 40);
      String day = jdbc.queryForObject("select received_on from callback_request where id = ?", String.class, request);
      rows.attempt(request, call / 40 + 1, "casey", (morning ? ofItsKind < 5 : ofItsKind < 20) ? "REACHED" : "NO_ANSWER",
          day + (morning ? "T10:00" : "T18:30"), morning ? "morning" : "evening");
    }

    String sheet = sheets.weekly(LAST_DAY);

    assertThat(sheet).startsWith("Weekly callback review, the 8 weeks to Friday 6 June 2025 (America/New_York)");
    assertThat(sheet.lines().filter(line -> line.startsWith("- week from "))).hasSize(8);
    assertThat(sheet).contains("- week from 2025-05-31: 1 received")
        .contains("- evening: 25 calls, 20 reached (80%): clearly better than the rest of the day (20%):"
            + " consider more calls in the evening")
        .contains("- morning: 25 calls, 5 reached (20%): clearly worse than the rest of the day (80%):"
            + " consider moving calls out of the morning")
        .contains("- Insurance questions are 40% of requests in the last 4 weeks, up from 10%")
        .contains("- Wrong numbers closed 6 of 40 requests (15%): check how numbers are taken at intake");
  }

  @Test
  void withTooFewCallsNoPartOfTheDayIsCalledOut() {
    String sheet = sheets.weekly(LocalDate.parse("2024-01-05"));

    assertThat(sheet).contains("- no calls yet").doesNotContain("clearly").doesNotContain("Insurance questions");
  }
}
