package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.manifest.FolderVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kt export verify PATH}: checks a received export folder against its manifest, without the catalog. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Check an export folder against its manifest.json: every file's SHA-256 and record count, and no file missing or added.",
    footer = {"", "Example: kt export verify ./Q1-2025-compliance-review/", "Also: cd FOLDER && sha256sum -c SHA256SUMS"})
class ExportVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "The export folder, or its manifest.json.")
  Path path;

  @Override
  public Integer call() {
    Kt kt = (Kt) spec.root().userObject();
    Path folder = path.toAbsolutePath().normalize();
    if (Files.isRegularFile(folder) && folder.getFileName().toString().equals("manifest.json")) {
      folder = folder.getParent();
    }
    return report(kt, folder, FolderVerifier.verify(folder));
  }

  /** Prints the findings; on any problem, one line on stderr and a non-zero exit. */
  static int report(Kt kt, Path folder, FolderVerifier.Report report) {
    ResultPrinter.printVerification(kt.out, folder, report);
    if (report.passed()) {
      return Kt.OK;
    }
    kt.err.println(String.format(
        "kt: verification of %s failed: %d changed, %d missing, %d unexpected file(s), listed above",
        folder,
        report.count(FolderVerifier.Kind.CHANGED),
        report.count(FolderVerifier.Kind.MISSING),
        report.count(FolderVerifier.Kind.UNEXPECTED)));
    return Kt.FAILED;
  }
}
