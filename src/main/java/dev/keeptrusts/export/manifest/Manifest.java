package dev.keeptrusts.export.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what one export contains and how it was made, so that whoever receives
 * the folder can prove it is whole and unchanged. It is written last; its presence marks the
 * export complete. Paths are relative to the manifest's folder.
 */
@JsonPropertyOrder({
  "manifest_version", "export_id", "name", "type", "format", "tool_version", "runner", "created_at", "completed_at",
  "window", "filters", "source", "schema", "files", "totals", "counts"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
    int manifestVersion,
    String exportId,
    String name,
    String type,
    String format,
    String toolVersion,
    String runner,
    String createdAt,
    String completedAt,
    Window window,
    List<String> filters,
    Source source,
    List<SchemaField> schema,
    List<FileEntry> files,
    Totals totals,
    Map<String, Map<String, Long>> counts) {

  public static final int VERSION = 1;
  public static final String FILE_NAME = "manifest.json";
  public static final String CHECKSUMS_FILE_NAME = "SHA256SUMS";

  /** The half-open UTC interval [from, to) the export selected. */
  public record Window(String from, String to) {}

  /**
   * Where the records came from: the JDBC URL with credentials masked, the table, and the
   * statements that ran, with their parameters described (they are bound, never spliced in).
   */
  @JsonPropertyOrder({"jdbc_url", "table", "select_sql", "count_sql", "parameters"})
  public record Source(String jdbcUrl, String table, String selectSql, String countSql, List<String> parameters) {}

  /** One exported field: its name, its type as written, and whether it may be null. */
  public record SchemaField(String name, String type, boolean nullable) {}

  /** One exported file. */
  @JsonPropertyOrder({"path", "bytes", "records", "sha256"})
  public record FileEntry(String path, long bytes, long records, String sha256) {}

  @JsonPropertyOrder({"files", "records", "bytes"})
  public record Totals(int files, long records, long bytes) {}
}
