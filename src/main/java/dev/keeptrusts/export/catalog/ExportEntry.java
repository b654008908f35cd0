package dev.keeptrusts.export.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One export as the catalog records it: what was asked, where it is going, and how far it has
 * got. Stored as JSON (snake_case keys), which is also what {@code --format json} prints.
 * The source is recorded with its credentials masked; the password is never stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "format_version", "id", "name", "type", "format", "status", "records_written", "records_expected", "bytes",
  "window", "filters", "destination", "local_directory", "manifest", "manifest_sha256", "s3_location", "runner", "source", "created_at", "started_at",
  "completed_at", "error", "run", "spec"
})
public class ExportEntry {
  /** The version of this record's layout; a newer kt may write a higher one. */
  public static final int FORMAT_VERSION = 1;

  public int formatVersion = FORMAT_VERSION;
  public String id;
  public String name;
  public String type;
  public String format;
  public ExportStatus status;
  public long recordsWritten;
  public Long recordsExpected;
  public Long bytes;
  public Window window;
  public List<String> filters = new ArrayList<>();
  /** The file or directory the export's files are published to. */
  public String destination;
  /**
   * The local directory the export is staged in and, unless it goes to S3, published to: the
   * shard directory, or the directory holding the single {@code --output} file.
   */
  public String localDirectory;
  /** The path of the export's manifest.json once it is complete. */
  public String manifest;
  /** The SHA-256 of that manifest as written, so a download can show it was not replaced. */
  public String manifestSha256;
  /** Where {@code kt export upload} put a copy of a local export, e.g. s3://bucket/prefix/exp-1a2b3c4d/. */
  public String s3Location;
  public String runner;
  /** The JDBC URL with credentials masked. */
  public String source;
  public String createdAt;
  public String startedAt;
  public String completedAt;
  public String error;
  /** Set by {@code kt export cancel}, so the stopping process records the export as cancelled. */
  public Boolean cancelRequested;
  /** The process running the export, so a run whose process died is not shown running forever. */
  public Run run;
  /** Everything needed to run the export again in another process. */
  public ExportSpec spec;

  public record Window(String from, String to) {}

  /** True when the export was written to S3 rather than local files. */
  @JsonIgnore
  public boolean inS3() {
    return destination != null && destination.startsWith("s3://");
  }

  /** The local folder that holds the export's data files. */
  @JsonIgnore
  public Path filesFolder() {
    if (localDirectory != null) {
      return Path.of(localDirectory);
    }
    Path path = Path.of(destination); // entries written before local_directory was recorded
    return destination.toLowerCase(java.util.Locale.ROOT).endsWith("." + format) ? path.getParent() : path;
  }

  /**
   * The local folder of manifest.json and SHA256SUMS: the files' folder for a directory of
   * shards, the export's folder under KT_HOME for a single {@code --output} file.
   */
  @JsonIgnore
  public Path manifestFolder() {
    return Path.of(manifest).getParent();
  }

  /** A process: its pid, when it started (to tell a reused pid apart) and on which host. */
  public record Run(long pid, String processStartedAt, String host) {}
}
