package dev.keeptrusts.export.sink;

import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * Writes records as {@code numShards} files named {@code <type>-00000-of-0000N.<ext>} in a
 * staging directory, without shuffling a single record:
 *
 * <ol>
 *   <li>{@code WriteParts}: each worker streams the records of a bundle into a part file;
 *   <li>{@code GatherParts}: the names of the finished parts meet in one place;
 *   <li>{@code AssembleShards}: parts are spread over the shards by size and each shard is
 *       assembled from its parts ({@link ShardLayout}).
 * </ol>
 *
 * Memory therefore stays bounded by a bundle, not by the export, on every runner; the cost is
 * one local copy of text formats. {@link StagedOutput} then moves the shards into place.
 */
public class WriteShards extends PTransform<PCollection<GenericRecord>, PCollection<String>> {
  /** The metrics namespace and counter that report how many records were written to parts. */
  public static final String METRICS_NAMESPACE = "kt-export";

  public static final String RECORDS_WRITTEN = "records_written";

  private final ShardLayout layout;
  private final List<String> tallyFields;
  private final String stagingDirectory;
  private final String prefix;
  private final String extension;
  private final int numShards;

  /**
   * {@code tallyFields} are the record fields whose values the {@link ShardIndex} counts records
   * by, for the manifest.
   */
  public WriteShards(
      ShardLayout layout, List<String> tallyFields, String stagingDirectory, String prefix, String extension, int numShards) {
    this.layout = layout;
    this.tallyFields = List.copyOf(tallyFields);
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
  public PCollection<String> expand(PCollection<GenericRecord> records) {
    String partsDirectory = Path.of(stagingDirectory, StagedOutput.PARTS).toString();
    return records
        .apply("WriteParts", ParDo.of(new WritePartsFn(layout, tallyFields, stagingDirectory, partsDirectory)))
        .setCoder(SerializableCoder.of(Part.class))
        .apply("GatherParts", Combine.globally(new GatherPartsFn()))
        .apply("AssembleShards", ParDo.of(new AssembleShardsFn(layout, stagingDirectory, prefix, extension, numShards)));
  }

  /**
   * A finished part file, how many records it holds, and how many of them have each value of
   * each tally field (field name → value → records; a null value is counted under {@link #NONE}).
   */
  public record Part(String path, long records, Map<String, Map<String, Long>> tallies) implements Serializable {}

  /** The tally key of records whose field is null. */
  public static final String NONE = "(none)";

  /** Streams each bundle's records into a part file of its own, counting them. */
  static class WritePartsFn extends DoFn<GenericRecord, Part> {
    private final Counter written = Metrics.counter(METRICS_NAMESPACE, RECORDS_WRITTEN);
    private final ShardLayout layout;
    private final List<String> tallyFields;
    private final String stagingDirectory;
    private final String partsDirectory;
    private transient FileIO.Sink<GenericRecord> sink;
    private transient FileChannel channel;
    private transient Path path;
    private transient long records;
    private transient Map<String, Map<String, Long>> tallies;

    WritePartsFn(ShardLayout layout, List<String> tallyFields, String stagingDirectory, String partsDirectory) {
      this.layout = layout;
      this.tallyFields = tallyFields;
      this.stagingDirectory = stagingDirectory;
      this.partsDirectory = partsDirectory;
    }

    @ProcessElement
    public void process(@Element GenericRecord record) throws IOException {
      if (channel == null) {
        // The staging step made this directory; once a failed export has removed it, a straggling
        // writer fails here instead of leaving files behind.
        path = Path.of(partsDirectory).resolve(UUID.randomUUID() + ".part");
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        sink = layout.partSink();
        sink.open(channel);
        records = 0;
        tallies = new TreeMap<>();
      }
      sink.write(record);
      records++;
      for (String field : tallyFields) {
        Object value = record.get(field);
        tallies.computeIfAbsent(field, f -> new TreeMap<>()).merge(value == null ? NONE : value.toString(), 1L, Long::sum);
      }
      written.inc();
      if (records % 1000 == 0) {
        LocalProgress.add(stagingDirectory, 1000);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) throws IOException {
      if (channel == null) {
        return;
      }
      LocalProgress.add(stagingDirectory, records % 1000);
      sink.flush(); // ParquetIO's sink closes the channel itself
      if (channel.isOpen()) {
        channel.close();
      }
      channel = null;
      context.output(new Part(path.toString(), records, tallies), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
    }

    @Teardown
    public void teardown() throws IOException {
      if (channel != null) {
        channel.close();
      }
    }
  }

  /** Collects every part into one list; an export with no records gives an empty list. */
  static class GatherPartsFn extends Combine.CombineFn<Part, List<Part>, List<Part>> {
    @Override
    public List<Part> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<Part> addInput(List<Part> parts, Part part) {
      parts.add(part);
      return parts;
    }

    @Override
    public List<Part> mergeAccumulators(Iterable<List<Part>> accumulators) {
      List<Part> merged = new ArrayList<>();
      accumulators.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<Part> extractOutput(List<Part> parts) {
      return parts;
    }

    @Override
    public Coder<List<Part>> getAccumulatorCoder(CoderRegistry registry, Coder<Part> inputCoder) {
      return ListCoder.of(inputCoder);
    }

    @Override
    public Coder<List<Part>> getDefaultOutputCoder(CoderRegistry registry, Coder<Part> inputCoder) {
      return ListCoder.of(inputCoder);
    }
  }

  /** Spreads the parts over the shards, largest first onto the lightest shard, and writes every shard. */
  static class AssembleShardsFn extends DoFn<List<Part>, String> {
    private final ShardLayout layout;
    private final String stagingDirectory;
    private final String prefix;
    private final String extension;
    private final int numShards;

    AssembleShardsFn(ShardLayout layout, String stagingDirectory, String prefix, String extension, int numShards) {
      this.layout = layout;
      this.stagingDirectory = stagingDirectory;
      this.prefix = prefix;
      this.extension = extension;
      this.numShards = numShards;
    }

    @ProcessElement
    public void process(@Element List<Part> parts, OutputReceiver<String> out) throws IOException {
      List<List<Path>> shards = new ArrayList<>();
      long[] load = new long[numShards];
      for (int i = 0; i < numShards; i++) {
        shards.add(new ArrayList<>());
      }
      List<Part> bySize = new ArrayList<>(parts);
      bySize.sort(Comparator.comparingLong(Part::records).reversed().thenComparing(Part::path));
      for (Part part : bySize) {
        int lightest = 0;
        for (int i = 1; i < numShards; i++) {
          if (load[i] < load[lightest]) {
            lightest = i;
          }
        }
        shards.get(lightest).add(Path.of(part.path()));
        load[lightest] += part.records();
      }
      List<ShardIndex.Shard> index = new ArrayList<>();
      for (int i = 0; i < numShards; i++) {
        Path shard = Path.of(stagingDirectory, shardName(prefix, i, numShards, extension));
        layout.assemble(shards.get(i), shard);
        index.add(new ShardIndex.Shard(shard.getFileName().toString(), load[i]));
        out.output(shard.toString());
      }
      new ShardIndex(index, sumTallies(parts)).writeTo(Path.of(stagingDirectory));
    }

    private static Map<String, Map<String, Long>> sumTallies(List<Part> parts) {
      Map<String, Map<String, Long>> sum = new TreeMap<>();
      for (Part part : parts) {
        part.tallies().forEach((field, counts) -> counts.forEach(
            (value, n) -> sum.computeIfAbsent(field, f -> new TreeMap<>()).merge(value, n, Long::sum)));
      }
      return sum;
    }
  }
}
