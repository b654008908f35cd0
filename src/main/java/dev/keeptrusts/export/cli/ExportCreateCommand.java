package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.catalog.ExportCatalog;
import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.catalog.ExportSpec;
import dev.keeptrusts.export.catalog.ExportStatus;
import dev.keeptrusts.export.config.KtConfig;
import dev.keeptrusts.export.config.KtHome;
import dev.keeptrusts.export.config.SourceResolver;
import dev.keeptrusts.export.pipeline.ExportOptions;
import dev.keeptrusts.export.pipeline.ExportRequest;
import dev.keeptrusts.export.pipeline.ExportResult;
import dev.keeptrusts.export.pipeline.ExportRunner;
import dev.keeptrusts.export.launcher.BackgroundLauncher;
import dev.keeptrusts.export.pipeline.Publisher;
import dev.keeptrusts.export.pipeline.S3Publisher;
import dev.keeptrusts.export.request.RecordFilter;
import dev.keeptrusts.export.request.UsageException;
import dev.keeptrusts.export.sink.S3Settings;
import dev.keeptrusts.export.sink.S3Store;
import dev.keeptrusts.export.launcher.ExportJob;
import dev.keeptrusts.export.launcher.ExportOptionsFactory;
import dev.keeptrusts.export.launcher.RunnerConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kt export create}: maps the flags onto {@link ExportOptions}, resolves them into an
 * {@link ExportRequest}, records it in the catalog and runs it: in a background process by
 * default, or here with {@code --wait} (implied by {@code --output FILE}) and a progress display.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Export decision events or escalations in a time window to JSON, JSONL, CSV or Parquet files.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  kt export create --since 30d --format json",
      "  kt export create --since 30d --filter \"outcome=blocked\" --format csv",
      "  kt export create --since 90d --format parquet --name \"Q1-2025-compliance-review\"",
      "  kt export create --from 2025-01-01 --to 2025-03-31 --type escalations --format csv --output q1/escalations.csv",
      "  kt export create --since 7d --format jsonl --shards 4 --output /data/exports/weekly/",
      "",
      "The window is the half-open UTC interval [from, to): an event exactly at 'from' is in, one at 'to' is out.",
      "Source: --jdbc-url, else KT_JDBC_URL, else source.jdbc_url in KT_HOME/config.yaml, else the demo database.",
      "The database password is read only from KT_JDBC_PASSWORD."
    })
class ExportCreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--since", paramLabel = "<n>m|h|d|w", description = "Export the last n minutes, hours, days or weeks, e.g. 30d.")
  String since;

  @Option(names = "--from", paramLabel = "DATE|INSTANT", description = "Start of the window (inclusive), e.g. 2025-01-01 or 2025-01-01T00:00:00Z.")
  String from;

  @Option(names = "--to", paramLabel = "DATE|INSTANT", description = "End of the window (exclusive); a date includes that whole day. Default: now.")
  String to;

  @Option(names = "--type", paramLabel = "events|escalations", defaultValue = "events", description = "What to export (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(names = "--format", paramLabel = "json|jsonl|csv|parquet", defaultValue = "json", description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--filter", paramLabel = "KEY=V1[,V2...]", description = "Keep records whose KEY is one of the values; repeat to combine (AND). Events: outcome, policy, gateway, user, provider. Escalations: status, severity, policy, gateway.")
  List<String> filters = new ArrayList<>();

  @Option(names = "--name", description = "A name to recognise the export by, e.g. Q1-2025-compliance-review.")
  String name;

  @Option(names = "--output", paramLabel = "PATH", description = "A file with the format's extension (exactly that file is written) or a directory for shards. Default: KT_HOME/exports/<export-id>/.")
  String output;

  @Option(names = "--shards", paramLabel = "N", defaultValue = "0", description = "Number of files to write (default: one per million records).")
  int shards;

  @Option(names = "--compression", paramLabel = "snappy|zstd|gzip|none", defaultValue = "snappy", description = "Parquet compression (default: ${DEFAULT-VALUE}).")
  String compression;

  @Option(names = "--csv-raw", description = "Write CSV cells verbatim, without neutralising cells that spreadsheets would run as formulas.")
  boolean csvRaw;

  @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "Write the export to s3://BUCKET/PREFIX<export-id>/ instead of local files.")
  String s3Bucket;

  @Option(names = "--s3-prefix", paramLabel = "PREFIX", description = "Key prefix in the bucket, e.g. exports/2025/Q1/ (default: export.s3.prefix).")
  String s3Prefix;

  @Option(names = "--s3-upload", description = "Write the export to S3 with the bucket and prefix of export.s3 in the config file.")
  boolean s3Upload;

  @Option(names = "--runner", paramLabel = "direct|flink|spark", description = "Run on Beam's DirectRunner (default), Flink's embedded cluster or Spark local, with the options of runner-configs/.")
  String runner;

  @Option(names = "--runner-config", paramLabel = "FILE", description = "A runner option file, e.g. runner-configs/flink-cluster.options edited for your cluster.")
  java.nio.file.Path runnerConfig;

  @Option(names = "--wait", description = "Wait until the export has finished, showing its progress, and exit non-zero if it failed. Implied by --output FILE.")
  boolean wait;

  @Mixin SourceFlags sourceFlags = new SourceFlags();

  @Parameters(
      paramLabel = "-- BEAM_OPTIONS",
      description = "Beam pipeline options after --, passed through unchanged, e.g. -- --rowsPerPartition=50000 --targetParallelism=4.")
  List<String> beamOptions = new ArrayList<>();

  @Override
  public Integer call() {
    Kt kt = (Kt) spec.root().userObject();
    KtHome home = KtHome.fromEnvironment(kt.env);
    KtConfig config = kt.config(home);

    S3Settings s3 = S3Settings.resolve(s3Bucket, s3Prefix, s3Upload, config, kt.env);
    if (s3 != null && output != null) {
      throw new UsageException("--output and --s3-bucket/--s3-upload both say where the export goes: give one of them");
    }
    boolean runnerByDefault = RunnerConfig.origin(runner, runnerConfig, config).equals("default");
    List<String> pipelineOptions = RunnerConfig.resolve(runner, runnerConfig, config).mergedWith(beamOptions);
    ExportSpec asked = new ExportSpec(type, from, to, filters, format, output, shards, compression, csvRaw, name, pipelineOptions, s3);
    Instant now = Instant.now();
    ExportOptions options =
        ExportOptionsFactory.fromSpec(asked, since, ExportRequest.newExportId(), sourceFlags.jdbcUrl, sourceFlags.jdbcUser);
    ExportRequest request = ExportRequest.fromOptions(options, home.exports(), now);
    SourceResolver.Resolved source = sourceFlags.resolve(kt, home, config);
    if (source.demo()) {
      kt.err.println(
          "Using the demo database with synthetic data; point kt at your gateway's database with --jdbc-url, KT_JDBC_URL or source.jdbc_url in "
              + config.file());
    }
    request = request.withSource(source.source());
    boolean foreground = wait || request.destination().isSingleFile();
    // The count picks the default runner, and a background export checks the source before returning.
    long expected = foreground && !runnerByDefault ? -1 : ExportRunner.preflight(request);
    if (runnerByDefault && expected >= RunnerConfig.LARGE_EXPORT) {
      // Large exports default to Flink's embedded cluster: faster and flat in memory (bench/RESULTS.md).
      pipelineOptions = RunnerConfig.resolve("flink", null, config).mergedWith(beamOptions);
      asked = new ExportSpec(type, from, to, filters, format, output, shards, compression, csvRaw, name, pipelineOptions, s3);
      options = ExportOptionsFactory.fromSpec(asked, since, request.id(), sourceFlags.jdbcUrl, sourceFlags.jdbcUser);
      request = ExportRequest.fromOptions(options, home.exports(), now).withSource(source.source());
    }
    Publisher publisher = null;
    if (s3 != null) {
      S3Store store = S3Store.open(s3, options, kt.env);
      store.checkBucket();
      publisher = new S3Publisher(store, request.id());
    }
    ExportCatalog catalog = kt.catalog();

    if (foreground) {
      catalog.add(newEntry(request, resolved(request, s3, pipelineOptions)));
      try (ProgressDisplay display = ProgressDisplay.create(kt, request.type().plural())) {
        ExportResult result = ExportJob.run(catalog, request, options, publisher, display);
        display.close();
        ResultPrinter.printCreated(kt.out, request, result.records(), result);
      }
      return Kt.OK;
    }
    ExportEntry entry = newEntry(request, resolved(request, s3, pipelineOptions));
    entry.recordsExpected = expected;
    catalog.add(entry);
    ExportEntry.Run run =
        BackgroundLauncher.start(kt.env, request.id(), request.source(), home.catalog().resolve(request.id() + ".log"));
    catalog.update(request.id(), e -> {
      if (e.status == ExportStatus.QUEUED) {
        e.status = ExportStatus.PROCESSING;
      }
      if (e.run == null) {
        e.run = run; // until the process records itself
      }
    });
    ResultPrinter.printCreated(kt.out, request, expected, null);
    return Kt.OK;
  }

  /** The flags as the run will use them: the window as resolved now, the output as an absolute path. */
  private ExportSpec resolved(ExportRequest request, S3Settings s3, List<String> pipelineOptions) {
    return new ExportSpec(
        type, request.window().from().toString(), request.window().to().toString(), filters, format,
        request.destination().path().toString(), shards, compression, csvRaw, name,
        pipelineOptions, s3);
  }

  private static ExportEntry newEntry(ExportRequest request, ExportSpec resolved) {
    ExportEntry entry = new ExportEntry();
    entry.id = request.id();
    entry.name = request.name();
    entry.type = request.type().plural();
    entry.format = request.format().extension();
    entry.status = ExportStatus.QUEUED;
    entry.window = new ExportEntry.Window(request.window().from().toString(), request.window().to().toString());
    entry.filters = request.filters().stream().map(RecordFilter::asFlag).toList();
    entry.destination =
        resolved.s3() != null ? resolved.s3().exportLocation(request.id()) : request.destination().path().toString();
    entry.localDirectory = request.destination().directory().toString();
    entry.runner = request.runner();
    entry.source = request.source().maskedUrl();
    entry.createdAt = request.createdAt().toString();
    entry.spec = resolved;
    return entry;
  }
}
