package dev.keeptrusts.export.catalog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Tells whether the process recorded as running an export is still that process. */
public final class ProcessIdentity {
  private ProcessIdentity() {}

  private static final String HOST = hostName();

  /** This process. */
  public static ExportEntry.Run current() {
    return of(ProcessHandle.current());
  }

  public static ExportEntry.Run of(ProcessHandle process) {
    return new ExportEntry.Run(
        process.pid(), process.info().startInstant().map(Instant::toString).orElse(null), HOST);
  }

  /**
   * True when {@code run} was a process on this host that no longer exists: its pid is gone or
   * belongs to a process that started at another time. A process on another host is assumed alive.
   */
  public static boolean isGone(ExportEntry.Run run) {
    if (run == null || !HOST.equals(run.host())) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(run.pid());
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    Optional<Instant> started = process.get().info().startInstant();
    if (run.processStartedAt() == null || started.isEmpty()) {
      return false;
    }
    Duration drift = Duration.between(Instant.parse(run.processStartedAt()), started.get()).abs();
    return drift.compareTo(Duration.ofSeconds(2)) > 0; // the pid was reused by a later process
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
