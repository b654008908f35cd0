package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.catalog.ExportCatalog;
import dev.keeptrusts.export.catalog.ExportEntry;
import dev.keeptrusts.export.catalog.StaleRuns;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kt export status ID}: where one export is, as the documented "Export Status" block or JSON. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the status and progress of one export.",
    footer = {"", "Example: kt export status exp-a1b2c3d4 --format json"})
class ExportStatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The export id, e.g. exp-a1b2c3d4.")
  String id;

  @picocli.CommandLine.Mixin OutputFormatFlag outputFormat = new OutputFormatFlag();

  @Override
  public Integer call() {
    Kt kt = (Kt) spec.root().userObject();
    ExportCatalog catalog = kt.catalog();
    ExportEntry entry = StaleRuns.reap(catalog, catalog.get(id));
    if (outputFormat.json()) {
      ResultPrinter.printJson(kt.out, ResultPrinter.json(entry));
    } else {
      ResultPrinter.printStatus(kt.out, entry);
    }
    return Kt.OK;
  }
}
