package dev.keeptrusts.export.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeWindowTest {
  private static final Instant NOW = Instant.parse("2025-04-23T10:00:00.123456Z");

  @Test
  void sinceCountsBackFromNowToTheSecond() {
    TimeWindow window = TimeWindow.resolve("30d", null, null, NOW);
    assertEquals(Instant.parse("2025-04-23T10:00:00Z"), window.to());
    assertEquals(Instant.parse("2025-03-24T10:00:00Z"), window.from());
  }

  @Test
  void sinceUnitsAreMinutesHoursDaysWeeks() {
    assertEquals(Instant.parse("2025-04-23T09:45:00Z"), TimeWindow.resolve("15m", null, null, NOW).from());
    assertEquals(Instant.parse("2025-04-23T04:00:00Z"), TimeWindow.resolve("6h", null, null, NOW).from());
    assertEquals(Instant.parse("2025-04-09T10:00:00Z"), TimeWindow.resolve("2w", null, null, NOW).from());
  }

  @Test
  void dateOnlyToIncludesTheWholeDay() {
    TimeWindow window = TimeWindow.resolve(null, "2025-01-01", "2025-03-31", NOW);
    assertEquals(Instant.parse("2025-01-01T00:00:00Z"), window.from());
    assertEquals(Instant.parse("2025-04-01T00:00:00Z"), window.to());
  }

  @Test
  void instantsKeepMicrosecondsAndOffsets() {
    TimeWindow window = TimeWindow.resolve(null, "2025-01-01T01:00:00.000001+01:00", "2025-01-02T00:00:00", NOW);
    assertEquals(Instant.parse("2025-01-01T00:00:00.000001Z"), window.from());
    assertEquals(Instant.parse("2025-01-02T00:00:00Z"), window.to());
  }

  @Test
  void sinceCombinesWithAnAbsoluteTo() {
    TimeWindow window = TimeWindow.resolve("1d", null, "2025-01-02T00:00:00Z", NOW);
    assertEquals(Instant.parse("2025-01-01T00:00:00Z"), window.from());
  }

  @Test
  void noStartMeansAllHistory() {
    assertEquals(TimeWindow.BEGINNING, TimeWindow.resolve(null, null, null, NOW).from());
  }

  @Test
  void consecutiveWindowsTileTime() {
    TimeWindow first = TimeWindow.resolve(null, "2025-01-01", "2025-01-31", NOW);
    TimeWindow second = TimeWindow.resolve(null, "2025-02-01", "2025-02-28", NOW);
    assertEquals(first.to(), second.from());
  }

  @ParameterizedTest
  @ValueSource(strings = {"30x", "-5d", "d", "30", "0d", "1.5h", "99999999999999999999d"})
  void badSinceIsRejectedWithTheFormat(String since) {
    UsageException e = assertThrows(UsageException.class, () -> TimeWindow.resolve(since, null, null, NOW));
    assertTrue(e.getMessage().contains("--since"), e.getMessage());
  }

  @Test
  void fromAfterToIsRejected() {
    UsageException e =
        assertThrows(UsageException.class, () -> TimeWindow.resolve(null, "2025-03-01", "2025-01-31", NOW));
    assertTrue(e.getMessage().contains("swap"), e.getMessage());
  }

  @Test
  void sinceAndFromTogetherAreRejected() {
    assertThrows(UsageException.class, () -> TimeWindow.resolve("1d", "2025-01-01", null, NOW));
  }

  @Test
  void unparseableDatesNameTheFlag() {
    UsageException e = assertThrows(UsageException.class, () -> TimeWindow.resolve(null, "yesterday", null, NOW));
    assertTrue(e.getMessage().startsWith("invalid --from 'yesterday'"), e.getMessage());
  }
}
