package dev.keeptrusts.export.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How and where the selected records are written. */
public interface SinkOptions extends PipelineOptions {
  @Description("Output format: json, jsonl, csv or parquet")
  @Default.String("json")
  String getFormat();

  void setFormat(String value);

  @Description("A file with the format's extension (written as exactly that one file) or a directory for shards; default KT_HOME/exports/<export-id>/")
  String getOutput();

  void setOutput(String value);

  @Description("Number of output shards; 0 picks one shard per million records")
  @Default.Integer(0)
  int getShards();

  void setShards(int value);

  @Description("Parquet compression: snappy, zstd, gzip or none")
  @Default.String("snappy")
  String getCompression();

  void setCompression(String value);

  @Description("Write CSV cells verbatim, without neutralising values a spreadsheet would run as formulas")
  @Default.Boolean(false)
  boolean getCsvRaw();

  void setCsvRaw(boolean value);
}
