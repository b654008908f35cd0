package dev.keeptrusts.export.launcher;

import dev.keeptrusts.export.request.UsageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Checks that a remote Flink or Spark master answers before an export is submitted to it, so a
 * wrong address is one line within seconds rather than a runner retrying for minutes.
 */
final class MasterCheck {
  private MasterCheck() {}

  private static final int TIMEOUT_MILLIS = 5_000;

  static void reachable(PipelineOptions options) {
    if (options.getRunner() == FlinkRunner.class) {
      String master = options.as(FlinkPipelineOptions.class).getFlinkMaster();
      if (master != null && !master.startsWith("[")) {
        check("Flink", master, URI.create(master.contains("://") ? master : "http://" + master));
      }
    } else if (options.getRunner() == SparkRunner.class) {
      String master = options.as(SparkPipelineOptions.class).getSparkMaster();
      if (master != null && master.startsWith("spark://")) {
        check("Spark", master, URI.create(master.split(",")[0]));
      }
    }
  }

  private static void check(String engine, String master, URI uri) {
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new UsageException("invalid " + engine + " master '" + master + "': use host:port");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw new UsageException(
          "cannot reach the " + engine + " master at " + master + " (" + e.getMessage() + "): start it, or fix the master in the runner config");
    }
  }
}
