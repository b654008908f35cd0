package dev.keeptrusts.export.pipeline;

import dev.keeptrusts.export.request.ExportFormat;
import dev.keeptrusts.export.request.ParquetCompression;
import dev.keeptrusts.export.request.RecordFilter;
import dev.keeptrusts.export.request.RecordType;
import dev.keeptrusts.export.request.TimeWindow;
import dev.keeptrusts.export.request.UsageException;
import dev.keeptrusts.export.sink.Destination;
import dev.keeptrusts.export.source.JdbcSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One export, fully resolved and validated: the window is absolute, the filters are parsed, the
 * destination is known. Built once from {@link ExportOptions} before any pipeline exists, so every
 * mistake in the flags is reported before work starts.
 */
public record ExportRequest(
    String id,
    String name,
    RecordType type,
    TimeWindow window,
    List<RecordFilter> filters,
    ExportFormat format,
    int shards,
    ParquetCompression compression,
    boolean csvRaw,
    Destination destination,
    Path manifestDirectory,
    String runner,
    JdbcSource source,
    Instant createdAt,
    int fetchSize,
    long rowsPerPartition) {

  private static final Pattern EXPORT_ID = Pattern.compile("exp-[0-9a-f]{8}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Validates and resolves the options of one export. {@code exportsHome} is where exports go when
   * {@code --output} is not given; {@code now} anchors {@code --since}.
   */
  public static ExportRequest fromOptions(ExportOptions options, Path exportsHome, Instant now) {
    RecordType type = RecordType.parse(options.getType());
    TimeWindow window = TimeWindow.resolve(options.getSince(), options.getFrom(), options.getTo(), now);
    List<RecordFilter> filters =
        RecordFilter.parseAll(options.getFilters() == null ? List.of() : options.getFilters(), type);
    ExportFormat format = ExportFormat.parse(options.getFormat());
    if (options.getShards() < 0) {
      throw new UsageException("invalid --shards " + options.getShards() + ": use a positive number, or leave it out to size shards automatically");
    }
    ParquetCompression compression = ParquetCompression.parse(options.getCompression());
    String id = options.getExportId() != null ? options.getExportId() : newExportId();
    if (!EXPORT_ID.matcher(id).matches()) {
      throw new UsageException("invalid export id '" + id + "': use exp- and 8 lowercase hex characters");
    }
    Destination destination = Destination.resolve(options.getOutput(), format, exportsHome.resolve(id));
    int shards = options.getShards();
    if (destination.isSingleFile() && shards > 1) {
      throw new UsageException(
          "--output " + destination.path() + " names one file, but --shards is " + shards + ": give a directory for several shards");
    }
    if (options.getFetchSize() < 1 || options.getRowsPerPartition() < 1) {
      throw new UsageException("--fetchSize and --rowsPerPartition must be positive");
    }
    // A directory of shards carries its own manifest; a single --output file has its manifest kept
    // in the export's folder under KT_HOME, so that files from several exports can share a folder.
    Path manifestDirectory = destination.isSingleFile() ? exportsHome.resolve(id).toAbsolutePath() : destination.directory();
    return new ExportRequest(
        id,
        options.getExportName() != null ? options.getExportName() : id,
        type,
        window,
        filters,
        format,
        destination.isSingleFile() ? 1 : shards,
        compression,
        options.getCsvRaw(),
        destination,
        manifestDirectory,
        runnerName(options),
        null,
        now.truncatedTo(ChronoUnit.SECONDS),
        options.getFetchSize(),
        options.getRowsPerPartition());
  }

  /** This request reading from {@code newSource}; the source is resolved after the flags are validated. */
  public ExportRequest withSource(JdbcSource newSource) {
    return new ExportRequest(
        id, name, type, window, filters, format, shards, compression, csvRaw, destination, manifestDirectory, runner,
        newSource, createdAt, fetchSize, rowsPerPartition);
  }

  /** The runner's short name as users give it: direct, flink or spark. */
  static String runnerName(ExportOptions options) {
    String simple = options.getRunner().getSimpleName();
    return simple.endsWith("Runner") ? simple.substring(0, simple.length() - "Runner".length()).toLowerCase() : simple;
  }

  public static String newExportId() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return "exp-" + HexFormat.of().formatHex(bytes);
  }

  /** The shard count for an export of {@code records} records: as asked, or one per million. */
  public int shardsFor(long records) {
    return shards > 0 ? shards : (int) Math.max(1, Math.min(1024, (records + 999_999) / 1_000_000));
  }
}
