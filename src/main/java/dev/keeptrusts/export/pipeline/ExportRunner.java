package dev.keeptrusts.export.pipeline;

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
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runs one export from start to finish: measure the source, plan the slices, run the pipeline
 * into a staging directory, check that every record of the window was written, and only then put
 * the files in place. Any failure leaves nothing at the destination.
 */
public final class ExportRunner {
  private ExportRunner() {}

  public static ExportResult run(ExportRequest request, PipelineOptions options) {
    SelectQuery query = new SelectQuery(request.type(), request.filters());
    SourceStats stats = SourceProbe.measure(request.source(), request.type(), query, request.window());
    List<TimeSlice> slices = SlicePlanner.plan(request.window(), stats, request.rowsPerPartition());
    int shards = request.shardsFor(stats.count());

    StagedOutput staged =
        StagedOutput.prepare(request.destination(), request.id(), request.type().plural(), request.format().extension());
    try {
      Pipeline pipeline = Pipeline.create(options);
      ExportPipeline.build(pipeline, request, slices, staged.stagingDirectory().toString(), shards);
      PipelineResult result = pipeline.run();
      PipelineResult.State state = waitOrCancel(result);
      if (state != PipelineResult.State.DONE) {
        throw new ExportFailedException("the pipeline ended " + state + " before writing every record");
      }
      long written = recordsWritten(result);
      if (written != stats.count()) {
        throw new ExportFailedException(
            "wrote " + written + " records but the source holds " + stats.count()
                + " for this window and filters; nothing was published, run the export again");
      }
      List<Path> files = staged.publish();
      return new ExportResult(request, written, totalBytes(files), files);
    } finally {
      staged.discard();
    }
  }

  /**
   * Waits for the run to end; when it fails, cancels it and waits for its workers to stop, so
   * none of them is still writing when the staging directory is removed.
   */
  private static PipelineResult.State waitOrCancel(PipelineResult result) {
    try {
      return result.waitUntilFinish();
    } catch (RuntimeException e) {
      try {
        result.cancel();
        result.waitUntilFinish(org.joda.time.Duration.standardSeconds(30));
      } catch (IOException | RuntimeException stopping) {
        e.addSuppressed(stopping);
      }
      throw e;
    }
  }

  static long recordsWritten(PipelineResult result) {
    long total = 0;
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
    return total;
  }

  private static long totalBytes(List<Path> files) {
    long bytes = 0;
    for (Path file : files) {
      try {
        bytes += Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bytes;
  }
}
