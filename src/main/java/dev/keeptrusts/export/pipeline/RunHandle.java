package dev.keeptrusts.export.pipeline;

import dev.keeptrusts.export.sink.StagedOutput;
import java.io.IOException;
import org.apache.beam.sdk.PipelineResult;

/**
 * Lets another thread stop a running export — a JVM shutdown hook when the process is asked to
 * end, or Ctrl-C — so that it leaves no staging files behind and is never published.
 */
public final class RunHandle {
  private PipelineResult result;
  private StagedOutput staged;
  private boolean finished;
  private boolean aborted;

  synchronized void started(StagedOutput newStaged) {
    this.staged = newStaged;
  }

  synchronized void running(PipelineResult newResult) {
    this.result = newResult;
  }

  /** Called once the export has published or given up; after this, {@link #abort} does nothing. */
  synchronized void finished() {
    finished = true;
  }

  /** True when the run was stopped by {@link #abort} before it finished. */
  public synchronized boolean aborted() {
    return aborted;
  }

  /**
   * Marks the export as not to be published, cancels its pipeline and removes its staging
   * files. Returns false when the export had already finished (then it is left alone).
   */
  public boolean abort() {
    PipelineResult toCancel;
    StagedOutput toDiscard;
    synchronized (this) {
      if (finished) {
        return false;
      }
      aborted = true;
      toCancel = result;
      toDiscard = staged;
    }
    if (toCancel != null) {
      try {
        toCancel.cancel();
        toCancel.waitUntilFinish(org.joda.time.Duration.standardSeconds(10));
      } catch (IOException | RuntimeException ignored) {
        // the pipeline may already have failed or ended; the staging files are removed regardless
      }
    }
    if (toDiscard != null) {
      try {
        toDiscard.discard();
      } catch (RuntimeException stillBeingWritten) {
        // a worker was still writing; the next look at the catalog removes what is left
      }
    }
    return true;
  }
}
