package dev.keeptrusts.export.sink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records written so far by writers running in this JVM, per staging directory. Flink's embedded
 * cluster reports Beam metrics only when the job ends, so for runners inside the kt process
 * this is where live progress comes from; on a remote cluster it stays at zero and progress shows
 * at the end.
 */
public final class LocalProgress {
  private LocalProgress() {}

  private static final Map<String, AtomicLong> WRITTEN = new ConcurrentHashMap<>();

  static void add(String stagingDirectory, long records) {
    WRITTEN.computeIfAbsent(stagingDirectory, d -> new AtomicLong()).addAndGet(records);
  }

  public static long written(String stagingDirectory) {
    AtomicLong written = WRITTEN.get(stagingDirectory);
    return written == null ? 0 : written.get();
  }

  public static void forget(String stagingDirectory) {
    WRITTEN.remove(stagingDirectory);
  }
}
