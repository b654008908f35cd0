package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.catalog.ExportCatalog;
import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.catalog.ExportStatus;
import dev.keeptrusts.export.catalog.ProcessIdentity;
import dev.keeptrusts.export.catalog.StaleRuns;
import dev.keeptrusts.export.request.UsageException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kt export cancel ID}: asks the process running an export to stop, waits for it, and
 * leaves the export cancelled with its staging files removed. Nothing is published.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stop a queued or running export; nothing of it is published.")
class ExportCancelCommand implements Callable<Integer> {
  /** How long the export's process gets to stop cleanly before it is killed. */
  private static final long GRACE_SECONDS = 30;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The export id, e.g. exp-a1b2c3d4.")
  String id;

  @Override
  public Integer call() throws Exception {
    Kt kt = (Kt) spec.root().userObject();
    ExportCatalog catalog = kt.catalog();
    ExportEntry entry = StaleRuns.reap(catalog, catalog.get(id));
    if (entry.status.isFinal()) {
      throw new UsageException("export " + id + " is already " + entry.status.label() + ": there is nothing to cancel");
    }
    if (entry.run != null && !ProcessIdentity.current().host().equals(entry.run.host())) {
      throw new UsageException("export " + id + " runs on " + entry.run.host() + ": cancel it there");
    }
    catalog.update(id, e -> e.cancelRequested = true);
    Optional<ProcessHandle> process = entry.run == null ? Optional.empty() : ProcessHandle.of(entry.run.pid());
    if (process.isPresent() && !ProcessIdentity.isGone(entry.run)) {
      if (!process.get().destroy()) { // SIGTERM: the run cancels its pipeline and removes its staging files
        throw new UsageException("cannot signal process " + entry.run.pid() + " running export " + id + ": run kt export cancel as its user");
      }
      try {
        process.get().onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        process.get().destroyForcibly();
        try {
          process.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException stuck) {
          throw new UsageException("process " + entry.run.pid() + " running export " + id + " did not stop: kill it, then run kt export cancel again");
        }
      }
    }
    ExportEntry after = catalog.update(id, e -> {
      if (!e.status.isFinal()) {
        e.status = ExportStatus.CANCELLED;
        e.error = "cancelled";
        e.completedAt = Instant.now().toString();
      }
    });
    StaleRuns.removeStaging(after);
    if (after.status == ExportStatus.COMPLETED) {
      kt.out.println("Export " + id + " completed before it could be cancelled; its files are in " + after.destination);
      return Kt.FAILED;
    }
    kt.out.println("Export " + id + " " + after.status.label() + "; nothing of it was published");
    return Kt.OK;
  }
}
