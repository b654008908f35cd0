package dev.keeptrusts.export.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keeptrusts.export.request.TimeWindow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlicePlannerTest {
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));

  @Test
  void slicesTileTheWholeWindowWithoutGapsOrOverlap() {
    SourceStats stats = new SourceStats(1_000_000, WINDOW.fromMicros() + 86_400_000_000L, WINDOW.toMicros() - 5);
    List<TimeSlice> slices = SlicePlanner.plan(WINDOW, stats, 100_000);
    assertEquals(10, slices.size());
    assertEquals(WINDOW.fromMicros(), slices.get(0).fromMicros());
    assertEquals(WINDOW.toMicros(), slices.get(slices.size() - 1).toMicros());
    for (int i = 1; i < slices.size(); i++) {
      assertEquals(slices.get(i - 1).toMicros(), slices.get(i).fromMicros());
      assertTrue(slices.get(i).fromMicros() < slices.get(i).toMicros());
      assertEquals(i, slices.get(i).index());
    }
  }

  @Test
  void smallOrEmptyExportsReadInOneSlice() {
    assertEquals(List.of(new TimeSlice(0, WINDOW.fromMicros(), WINDOW.toMicros())),
        SlicePlanner.plan(WINDOW, new SourceStats(0, WINDOW.fromMicros(), WINDOW.fromMicros()), 100_000));
    assertEquals(1, SlicePlanner.plan(WINDOW, new SourceStats(99_999, WINDOW.fromMicros(), WINDOW.toMicros() - 1), 100_000).size());
  }

  @Test
  void sliceCountIsCapped() {
    SourceStats stats = new SourceStats(1_000_000_000, WINDOW.fromMicros(), WINDOW.toMicros() - 1);
    assertEquals(SlicePlanner.MAX_SLICES, SlicePlanner.plan(WINDOW, stats, 1).size());
  }

  @Test
  void allRowsAtOneInstantStillCoverTheWindow() {
    long t = WINDOW.fromMicros() + 1000;
    List<TimeSlice> slices = SlicePlanner.plan(WINDOW, new SourceStats(500, t, t), 10);
    assertEquals(WINDOW.fromMicros(), slices.get(0).fromMicros());
    assertEquals(WINDOW.toMicros(), slices.get(slices.size() - 1).toMicros());
    assertTrue(slices.stream().anyMatch(s -> s.fromMicros() <= t && t < s.toMicros()));
  }
}
