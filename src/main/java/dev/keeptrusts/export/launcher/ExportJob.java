package dev.keeptrusts.export.launcher;

import dev.keeptrusts.export.catalog.ExportCatalog;
import dev.keeptrusts.export.catalog.ExportStatus;
import dev.keeptrusts.export.catalog.ProcessIdentity;
import dev.keeptrusts.export.pipeline.ExportRequest;
import dev.keeptrusts.export.pipeline.ExportResult;
import dev.keeptrusts.export.pipeline.ExportRunner;
import dev.keeptrusts.export.pipeline.Publisher;
import dev.keeptrusts.export.pipeline.RunHandle;
import dev.keeptrusts.export.pipeline.RunListener;
import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.pipeline.ExportFailedException;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.time.temporal.ChronoUnit;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runs a catalogued export in this process and keeps its catalog entry true: processing with
 * this process's id and its progress while it runs, then completed, failed or cancelled. When
 * the process is asked to stop (by {@code kt export cancel}, Ctrl-C or a shutdown), the run is
 * cancelled and its staging files removed before the process ends.
 */
public final class ExportJob {
  private ExportJob() {}

  /** How often progress is written to the catalog. */
  private static final long PROGRESS_WRITE_MILLIS = 1000;

  public static ExportResult run(
      ExportCatalog catalog, ExportRequest request, PipelineOptions options, Publisher publisher, RunListener display) {
    String id = request.id();
    ExportEntry started = catalog.update(id, e -> {
      if (e.status.isFinal() || Boolean.TRUE.equals(e.cancelRequested)) {
        return; // cancelled before this process got to it
      }
      e.status = ExportStatus.PROCESSING;
      e.run = ProcessIdentity.current();
      e.startedAt = now();
    });
    if (started.status != ExportStatus.PROCESSING) {
      throw new ExportFailedException("export " + id + " was cancelled before it started");
    }
    RunHandle handle = new RunHandle();
    CountDownLatch settled = new CountDownLatch(1);
    Thread onShutdown = new Thread(() -> stopped(catalog, id, handle, settled), "kt-export-shutdown");
    Runtime.getRuntime().addShutdownHook(onShutdown);
    try {
      ExportResult result = ExportRunner.run(request, options, publisher, new CatalogProgress(catalog, id, display), handle);
      catalog.update(id, e -> {
        e.status = ExportStatus.COMPLETED;
        e.recordsWritten = result.records();
        e.recordsExpected = result.records();
        e.bytes = result.bytes();
        e.destination = result.location();
        e.manifest = result.manifest();
        e.manifestSha256 = result.manifestSha256();
        e.completedAt = now();
        e.error = null;
      });
      settled.countDown();
      return result;
    } catch (RuntimeException failure) {
      catalog.update(id, e -> {
        if (!e.status.isFinal()) {
          e.status = Boolean.TRUE.equals(e.cancelRequested) ? ExportStatus.CANCELLED : ExportStatus.FAILED;
          e.error = FailureMessage.of(failure);
          e.completedAt = now();
        }
      });
      settled.countDown();
      throw failure;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onShutdown);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }

  /**
   * The process is ending while the export runs: stop it cleanly and record why. If the export
   * has already published, wait for its final catalog write instead, so it is not left looking
   * unfinished.
   */
  private static void stopped(ExportCatalog catalog, String id, RunHandle handle, CountDownLatch settled) {
    if (!handle.abort()) {
      try {
        settled.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    catalog.update(id, e -> {
      if (!e.status.isFinal()) {
        boolean cancelled = Boolean.TRUE.equals(e.cancelRequested);
        e.status = cancelled ? ExportStatus.CANCELLED : ExportStatus.FAILED;
        e.error = cancelled ? "cancelled" : "the export process was stopped (interrupted or terminated) before the export finished";
        e.completedAt = now();
      }
    });
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Writes progress to the catalog at most once a second, and passes it on to the display. */
  private static final class CatalogProgress implements RunListener {
    private final ExportCatalog catalog;
    private final String id;
    private final RunListener display;
    private long lastWritten = -1;
    private long lastWriteMillis;

    CatalogProgress(ExportCatalog catalog, String id, RunListener display) {
      this.catalog = catalog;
      this.id = id;
      this.display = display;
    }

    @Override
    public void measured(long expected) {
      catalog.update(id, e -> e.recordsExpected = expected);
      display.measured(expected);
    }

    @Override
    public void progress(long written) {
      long nowMillis = System.currentTimeMillis();
      if (written != lastWritten && nowMillis - lastWriteMillis >= PROGRESS_WRITE_MILLIS) {
        catalog.update(id, e -> e.recordsWritten = written);
        lastWritten = written;
        lastWriteMillis = nowMillis;
      }
      display.progress(written);
    }
  }
}
