package dev.keeptrusts.export.pipeline;

import dev.keeptrusts.export.manifest.Manifest;
import dev.keeptrusts.export.manifest.ManifestIo;
import dev.keeptrusts.export.sink.LocalProgress;
import dev.keeptrusts.export.sink.ShardIndex;
import dev.keeptrusts.export.sink.StagedOutput;
import dev.keeptrusts.export.sink.WriteShards;
import dev.keeptrusts.export.source.SelectQuery;
import dev.keeptrusts.export.source.SlicePlanner;
import dev.keeptrusts.export.source.SourceProbe;
import dev.keeptrusts.export.source.SourceStats;
import dev.keeptrusts.export.source.TimeSlice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.joda.time.Duration;

/**
 * Runs one export from start to finish: count the source, plan the slices, run the pipeline
 * into a staging directory, reconcile what was written with the source count, put the files in
 * place and write the manifest last. Any failure leaves nothing that looks complete.
 */
public final class ExportRunner {
  private ExportRunner() {}

  /** How often a running pipeline's progress is read. */
  private static final Duration PROGRESS_INTERVAL = Duration.millis(500);

  /**
   * Checks, before an export is started in the background, what would make it fail at once:
   * the source answers and has the table, and the destination can be written. Returns the number
   * of records the export will write.
   */
  public static long preflight(ExportRequest request) {
    SelectQuery query = new SelectQuery(request.type(), request.filters());
    SourceStats stats = SourceProbe.measure(request.source(), request.type(), query, request.window());
    StagedOutput.prepare(request.destination(), request.id(), request.type().plural(), request.format().extension()).discard();
    return stats.count();
  }

  /** Runs an export to its local destination. */
  public static ExportResult run(ExportRequest request, PipelineOptions options) {
    return run(request, options, null, RunListener.NONE, new RunHandle());
  }

  /** Runs an export and publishes it with {@code publisher}, or to its local destination when null. */
  public static ExportResult run(
      ExportRequest request, PipelineOptions options, Publisher publisher, RunListener listener, RunHandle handle) {
    Publisher target = publisher != null ? publisher : new LocalPublisher(request);
    try {
      SelectQuery query = new SelectQuery(request.type(), request.filters());
      SourceStats stats = SourceProbe.measure(request.source(), request.type(), query, request.window());
      listener.measured(stats.count());
      List<TimeSlice> slices = SlicePlanner.plan(request.window(), stats, request.rowsPerPartition());
      int shards = request.shardsFor(stats.count());

      StagedOutput staged =
          StagedOutput.prepare(request.destination(), request.id(), request.type().plural(), request.format().extension());
      handle.started(staged);
      try {
        Pipeline pipeline = Pipeline.create(options);
        String stagingDirectory = staged.stagingDirectory().toString();
        ExportPipeline.build(pipeline, request, slices, stagingDirectory, shards);
        PipelineResult result = start(pipeline, stagingDirectory, listener);
        handle.running(result);
        PipelineResult.State state = waitOrCancel(result, stagingDirectory, listener);
        if (handle.aborted()) {
          throw new ExportFailedException("the export was stopped before it finished");
        }
        if (state != PipelineResult.State.DONE) {
          throw new ExportFailedException("the pipeline ended " + state + " before writing every record");
        }
        ShardIndex index = ShardIndex.readFrom(staged.stagingDirectory());
        listener.progress(index.records());
        if (index.records() != stats.count()) {
          throw new ExportFailedException(
              "reconciliation failed: wrote " + index.records() + " records but the source holds " + stats.count()
                  + " for this window and filters; nothing was published, run the export again");
        }
        List<Manifest.FileEntry> entries = describeFiles(request, staged.stagingDirectory(), index);
        synchronized (handle) {
          if (handle.aborted()) {
            throw new ExportFailedException("the export was stopped before it finished");
          }
          Manifest manifest =
              ExportManifest.describe(request, query, entries, index.tallies(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
          Publisher.Published published = target.publish(staged, manifest);
          handle.finished();
          return new ExportResult(
              request, index.records(), manifest.totals().bytes(), published.location(), published.manifest(),
              published.manifestSha256());
        }
      } finally {
        staged.discard();
        LocalProgress.forget(staged.stagingDirectory().toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      handle.finished();
    }
  }

  /**
   * Runs the pipeline. Some runners (Flink's embedded cluster, Spark local) return from {@code
   * run()} only when the job is over, so it runs on its own thread while this one reports the
   * progress of the writers in this JVM.
   */
  private static PipelineResult start(Pipeline pipeline, String stagingDirectory, RunListener listener) {
    CompletableFuture<PipelineResult> running = CompletableFuture.supplyAsync(pipeline::run, RUN_THREAD);
    try {
      while (true) {
        try {
          return running.get(PROGRESS_INTERVAL.getMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
          listener.progress(LocalProgress.written(stagingDirectory));
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExportFailedException("interrupted while the pipeline ran");
    }
  }

  /** Runs pipelines on a daemon thread, so a JVM asked to stop is not held up by it. */
  private static final java.util.concurrent.Executor RUN_THREAD = runnable -> {
    Thread thread = new Thread(runnable, "kt-export-pipeline");
    thread.setDaemon(true);
    thread.start();
  };

  /**
   * Waits for the run to end, reporting progress; when it fails, cancels it and waits for its
   * workers to stop, so none of them is still writing when the staging directory is removed.
   */
  private static PipelineResult.State waitOrCancel(PipelineResult result, String stagingDirectory, RunListener listener) {
    try {
      PipelineResult.State state = null;
      while (state == null || !state.isTerminal()) {
        state = result.waitUntilFinish(PROGRESS_INTERVAL);
        listener.progress(Math.max(recordsWritten(result), LocalProgress.written(stagingDirectory)));
      }
      return state;
    } catch (RuntimeException e) {
      try {
        result.cancel();
        result.waitUntilFinish(Duration.standardSeconds(30));
      } catch (IOException | RuntimeException stopping) {
        e.addSuppressed(stopping);
      }
      throw e;
    }
  }

  /** The records written so far, from the pipeline's counter; for progress only. */
  static long recordsWritten(PipelineResult result) {
    long total = 0;
    try {
      for (MetricResult<Long> counter :
          result
              .metrics()
              .queryMetrics(
                  MetricsFilter.builder()
                      .addNameFilter(MetricNameFilter.named(WriteShards.METRICS_NAMESPACE, WriteShards.RECORDS_WRITTEN))
                      .build())
              .getCounters()) {
        total += counter.getAttempted();
      }
    } catch (UnsupportedOperationException e) {
      return 0; // a runner without metrics while running: progress shows at the end only
    }
    return total;
  }

  /** Size, SHA-256 and record count of every staged shard, under the name it will be published as. */
  private static List<Manifest.FileEntry> describeFiles(ExportRequest request, Path staging, ShardIndex index)
      throws IOException {
    List<Manifest.FileEntry> entries = new ArrayList<>();
    for (ShardIndex.Shard shard : index.shards()) {
      Path file = staging.resolve(shard.file());
      String published = request.destination().isSingleFile() ? request.destination().fileName() : shard.file();
      entries.add(new Manifest.FileEntry(published, Files.size(file), shard.records(), ManifestIo.sha256(file)));
    }
    return entries;
  }
}
