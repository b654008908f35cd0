package dev.keeptrusts.export.source;

import dev.keeptrusts.export.request.TimeWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an export window into time slices of about {@code rowsPerSlice} rows each, so large
 * windows are read in parallel. Slices cut the span the data actually occupies into equal
 * lengths; the first starts at the window's start and the last ends at its end, so together they
 * cover {@code [from, to)} exactly.
 */
public final class SlicePlanner {
  /** More slices than this buys no parallelism and costs one query each. */
  static final int MAX_SLICES = 256;

  private SlicePlanner() {}

  public static List<TimeSlice> plan(TimeWindow window, SourceStats stats, long rowsPerSlice) {
    long from = window.fromMicros();
    long to = window.toMicros();
    int count = (int) Math.min(MAX_SLICES, Math.max(1, divideRoundingUp(stats.count(), Math.max(1, rowsPerSlice))));
    List<TimeSlice> slices = new ArrayList<>(count);
    if (count == 1) {
      slices.add(new TimeSlice(0, from, to));
      return slices;
    }
    long spanStart = stats.minMicros();
    long spanEnd = stats.maxMicros() + 1;
    long step = Math.max(1, (spanEnd - spanStart) / count);
    long lower = from;
    for (int i = 0; i < count; i++) {
      long upper = i == count - 1 ? to : Math.min(to, spanStart + step * (i + 1));
      if (upper > lower) {
        slices.add(new TimeSlice(slices.size(), lower, upper));
        lower = upper;
      }
    }
    return slices;
  }

  private static long divideRoundingUp(long a, long b) {
    return (a + b - 1) / b;
  }
}
