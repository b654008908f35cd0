package dev.keeptrusts.export.catalog;

import dev.keeptrusts.export.sink.StagedOutput;
import java.time.Duration;
import java.time.Instant;

/**
 * Finds exports recorded as queued or processing whose process has died (killed, or the machine
 * restarted), marks them failed with the reason, and removes their staging files, so that no
 * export shows as running forever.
 */
public final class StaleRuns {
  private StaleRuns() {}

  /** How long an export may stay queued with no process before it is given up. */
  private static final Duration QUEUED_LIMIT = Duration.ofMinutes(2);

  /** Returns the entry as it should be shown: failed if its process is gone. */
  public static ExportEntry reap(ExportCatalog catalog, ExportEntry entry) {
    if (entry.status.isFinal() || !isDead(entry)) {
      return entry;
    }
    ExportEntry updated =
        catalog.update(entry.id, e -> {
          if (!e.status.isFinal() && isDead(e)) {
            boolean cancelled = Boolean.TRUE.equals(e.cancelRequested);
            e.status = cancelled ? ExportStatus.CANCELLED : ExportStatus.FAILED;
            e.error = cancelled
                ? "cancelled"
                : "the export process" + (e.run == null ? "" : " (pid " + e.run.pid() + ")")
                    + " ended before the export finished (killed, or the machine restarted); run the export again";
            e.completedAt = Instant.now().toString();
          }
        });
    removeStaging(updated);
    return updated;
  }

  private static boolean isDead(ExportEntry entry) {
    if (entry.run != null) {
      return ProcessIdentity.isGone(entry.run);
    }
    return entry.createdAt != null && Instant.parse(entry.createdAt).plus(QUEUED_LIMIT).isBefore(Instant.now());
  }

  /** Removes what a dead or stopped run left in its staging directory. */
  public static void removeStaging(ExportEntry entry) {
    if (entry.destination == null || entry.inS3() && entry.localDirectory == null || entry.status == ExportStatus.COMPLETED) {
      return;
    }
    StagedOutput.discardLeftovers(entry.filesFolder(), entry.id);
  }
}
