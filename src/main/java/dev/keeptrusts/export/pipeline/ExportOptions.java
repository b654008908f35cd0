package dev.keeptrusts.export.pipeline;

import org.apache.beam.sdk.options.Description;

/** Every option of one export: what {@code kt export create} flags map onto. */
public interface ExportOptions extends SourceOptions, SelectionOptions, SinkOptions {
  @Description("Export id, exp- and 8 hex characters; generated when not set")
  String getExportId();

  void setExportId(String value);

  @Description("Human-readable name recorded with the export, e.g. Q1-2025-compliance-review")
  String getExportName();

  void setExportName(String value);
}
