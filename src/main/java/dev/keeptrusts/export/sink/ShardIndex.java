package dev.keeptrusts.export.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the shards of one export hold, as assembled from the part files that were actually
 * used: the records in each shard and the records per value of each tally field. Written into
 * the staging directory by {@code AssembleShards}, so the counts describe the files exactly even
 * when a runner retried some work, whatever its metrics say.
 */
public record ShardIndex(List<Shard> shards, Map<String, Map<String, Long>> tallies) {
  /** The hidden file in the staging directory that holds the index. */
  public static final String FILE_NAME = ".kt-shard-index.json";

  /** One assembled shard: its file name in the staging directory and its record count. */
  public record Shard(String file, long records) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public long records() {
    return shards.stream().mapToLong(Shard::records).sum();
  }

  void writeTo(Path stagingDirectory) throws IOException {
    Path temp = stagingDirectory.resolve(FILE_NAME + ".tmp");
    JSON.writeValue(temp.toFile(), this);
    Files.move(temp, stagingDirectory.resolve(FILE_NAME), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public static ShardIndex readFrom(Path stagingDirectory) throws IOException {
    return JSON.readValue(stagingDirectory.resolve(FILE_NAME).toFile(), ShardIndex.class);
  }
}
