package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.catalog.ExportCatalog;
import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.catalog.ExportStatus;
import dev.keeptrusts.export.catalog.StaleRuns;
import dev.keeptrusts.export.request.UsageException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kt export list}: the exports in the catalog, newest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List exports, newest first.",
    footer = {"", "Examples:", "  kt export list", "  kt export list --status completed --limit 5 --format json"})
class ExportListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--status", paramLabel = "STATUS", description = "Only exports with this status: queued, processing, completed, failed or cancelled.")
  String status;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N exports (default: ${DEFAULT-VALUE}).")
  int limit;

  @Mixin OutputFormatFlag outputFormat = new OutputFormatFlag();

  @Override
  public Integer call() {
    Kt kt = (Kt) spec.root().userObject();
    ExportStatus wanted = status == null ? null : ExportStatus.parse(status);
    if (limit < 1) {
      throw new UsageException("invalid --limit " + limit + ": use a positive number");
    }
    boolean json = outputFormat.json();
    ExportCatalog catalog = kt.catalog();
    List<ExportEntry> entries =
        catalog.list().stream()
            .map(e -> StaleRuns.reap(catalog, e))
            .filter(e -> wanted == null || e.status == wanted)
            .limit(limit)
            .toList();
    if (json) {
      ResultPrinter.printJson(kt.out, entries.stream().map(ResultPrinter::json).toList());
    } else {
      ResultPrinter.printList(kt.out, entries);
    }
    return Kt.OK;
  }
}
