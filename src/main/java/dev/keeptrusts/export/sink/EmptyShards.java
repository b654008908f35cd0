package dev.keeptrusts.export.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;

/**
 * Writes the shards that received no records. Beam's file writes skip a shard that got no
 * element, but a user who asked for N shards, or an export whose window is empty, must still get
 * N valid files: a CSV header, an envelope with an empty array, a Parquet file with the schema.
 */
public final class EmptyShards {
  private EmptyShards() {}

  public static void fill(FileIO.Sink<GenericRecord> sink, Path directory, String prefix, String extension, int numShards) {
    for (int index = 0; index < numShards; index++) {
      Path shard = directory.resolve(WriteShards.shardName(prefix, index, numShards, extension));
      if (Files.exists(shard)) {
        continue;
      }
      Path partial = directory.resolve("." + shard.getFileName() + ".partial");
      try (FileChannel channel =
          FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        sink.open(channel);
        sink.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("could not write empty shard " + shard, e);
      }
      try {
        Files.move(partial, shard, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
