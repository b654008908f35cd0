package dev.keeptrusts.export.source;

/**
 * What the database holds for an export's window and filters, measured before the pipeline runs:
 * the expected record count (for progress and reconciliation) and the time span (for slicing).
 */
public record SourceStats(long count, long minMicros, long maxMicros) {
  public boolean isEmpty() {
    return count == 0;
  }
}
