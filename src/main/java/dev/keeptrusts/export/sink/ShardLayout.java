package dev.keeptrusts.export.sink;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;

/**
 * How one format is written in two steps: workers write records into part files, and each shard
 * is then assembled from its parts. This keeps records out of any shuffle: nothing but the names
 * of finished part files moves between steps.
 */
public interface ShardLayout extends Serializable {
  /** Writes a part: records only, no header or footer. */
  FileIO.Sink<GenericRecord> partSink();

  /** Writes {@code shard} from {@code parts} in order; with no parts, a valid empty file. */
  void assemble(List<Path> parts, Path shard) throws IOException;
}
