package dev.keeptrusts.export.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where the gateway's tables are read from, and how the read is split. */
public interface SourceOptions extends PipelineOptions {
  @Description("JDBC URL of the gateway database, e.g. jdbc:postgresql://db:5432/gateway. The password comes only from KT_JDBC_PASSWORD.")
  String getJdbcUrl();

  void setJdbcUrl(String value);

  @Description("Database user")
  String getJdbcUser();

  void setJdbcUser(String value);

  @Description("Rows fetched per database round trip; the read streams with a cursor")
  @Default.Integer(10_000)
  int getFetchSize();

  void setFetchSize(int value);

  @Description("Target rows per parallel read partition; the window is split into time slices of about this size")
  @Default.Long(100_000L)
  long getRowsPerPartition();

  void setRowsPerPartition(long value);
}
