package org.callbackladder.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.callbackladder.practice.TimeRange;
import org.junit.jupiter.api.Test;

class PreferredTimesTest {

  @Test
  void partsOfTheDayAndRangesAreUnderstoodTheRestIsANote() {
    assertThat(PreferredTimes.parse("Mornings, or evenings after work", AttemptSchedulerTest.DAY_PARTS))
        .containsExactly(TimeRange.parse("08:00-12:00"), TimeRange.parse("18:00-20:00"));
    assertThat(PreferredTimes.parse("9:30-11:00 or 16:00 - 17:30", AttemptSchedulerTest.DAY_PARTS))
        .containsExactly(TimeRange.parse("09:30-11:00"), TimeRange.parse("16:00-17:30"));
    assertThat(PreferredTimes.parse("whenever, 25:00-26:00", AttemptSchedulerTest.DAY_PARTS)).isEmpty();
    assertThat(PreferredTimes.parse(null, AttemptSchedulerTest.DAY_PARTS)).isEqualTo(List.of());
  }
}
