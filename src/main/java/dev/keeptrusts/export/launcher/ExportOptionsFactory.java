package dev.keeptrusts.export.launcher;

import dev.keeptrusts.export.catalog.ExportSpec;
import dev.keeptrusts.export.pipeline.ExportOptions;
import dev.keeptrusts.export.request.UsageException;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** The one place an export's flags become Beam pipeline options. */
public final class ExportOptionsFactory {
  private ExportOptionsFactory() {}

  /**
   * The options of {@code spec} with the given id and source. The spec's Beam options (the runner
   * file's, then those after {@code --}) pass through; the DirectRunner runs without its
   * test-only checks.
   */
  public static ExportOptions fromSpec(ExportSpec spec, String since, String exportId, String jdbcUrl, String jdbcUser) {
    for (String option : spec.beamOptions()) {
      if (option.startsWith("--awsCredentialsProvider") || option.startsWith("--jdbc")) {
        throw new UsageException(
            "credentials and the database cannot be given as Beam options (" + option.split("=")[0]
                + "): AWS credentials come from the AWS default chain, the database from --jdbc-url/--jdbc-user and KT_JDBC_PASSWORD");
      }
    }
    PipelineOptionsFactory.register(S3Options.class); // Beam registers only AwsOptions; --s3UploadBufferSizeBytes needs this
    ExportOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(spec.beamOptions().toArray(String[]::new)).as(ExportOptions.class);
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid Beam option after --: " + e.getMessage());
    }
    if (options.getRunner() == DirectRunner.class) {
      DirectOptions direct = options.as(DirectOptions.class);
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
      direct.setBlockOnRun(false); // so a failed or stopped run can be cancelled before its staging is removed
    }
    MasterCheck.reachable(options);
    options.setJobName("kt-export");
    options.setExportId(exportId);
    options.setType(spec.type());
    options.setSince(since);
    options.setFrom(spec.from());
    options.setTo(spec.to());
    options.setFilters(spec.filters());
    options.setFormat(spec.format());
    options.setOutput(spec.output());
    options.setShards(spec.shards());
    options.setCompression(spec.compression());
    options.setCsvRaw(spec.csvRaw());
    options.setExportName(spec.name());
    options.setJdbcUrl(jdbcUrl);
    options.setJdbcUser(jdbcUser);
    return options;
  }
}
