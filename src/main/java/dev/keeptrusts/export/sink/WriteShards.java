package dev.keeptrusts.export.sink;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts the records and writes them as {@code numShards} files named {@code
 * <type>-00000-of-0000N.<ext>} into a staging directory. Beam writes each shard to a temporary
 * file and renames it when it is complete; {@link StagedOutput} then moves the finished shards to
 * where the user asked for them.
 */
public class WriteShards extends PTransform<PCollection<GenericRecord>, WriteFilesResult<Void>> {
  /** The metrics namespace and counter that report how many records reached the writer. */
  public static final String METRICS_NAMESPACE = "kt-export";

  public static final String RECORDS_WRITTEN = "records_written";

  private final FileIO.Sink<GenericRecord> sink;
  private final String stagingDirectory;
  private final String prefix;
  private final String extension;
  private final int numShards;

  public WriteShards(FileIO.Sink<GenericRecord> sink, String stagingDirectory, String prefix, String extension, int numShards) {
    this.sink = sink;
    this.stagingDirectory = stagingDirectory;
    this.prefix = prefix;
    this.extension = extension;
    this.numShards = numShards;
  }

  /** The file name of one shard, e.g. {@code events-00000-of-00004.csv}. */
  public static String shardName(String prefix, int shardIndex, int numShards, String extension) {
    return String.format("%s-%05d-of-%05d.%s", prefix, shardIndex, numShards, extension);
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<GenericRecord> records) {
    String filePrefix = prefix;
    String fileExtension = extension;
    return records
        .apply("CountRecords", ParDo.of(new CountFn()))
        .apply(
            "WriteFiles",
            FileIO.<GenericRecord>write()
                .via(sink)
                .to(stagingDirectory)
                .withNumShards(numShards)
                .withNaming((window, pane, shards, index, compression) -> shardName(filePrefix, index, shards, fileExtension)));
  }

  /** Passes records through, counting them in {@link #RECORDS_WRITTEN}. */
  static class CountFn extends DoFn<GenericRecord, GenericRecord> {
    private final Counter written = Metrics.counter(METRICS_NAMESPACE, RECORDS_WRITTEN);

    @ProcessElement
    public void process(@Element GenericRecord record, OutputReceiver<GenericRecord> out) {
      written.inc();
      out.output(record);
    }
  }
}
