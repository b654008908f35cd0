package dev.keeptrusts.export.cli;

import picocli.CommandLine.Command;

/** {@code kt export}: the group of export commands. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Create, track, download and verify exports of decision events and escalation records.",
    subcommands = {
      ExportCreateCommand.class,
      ExportStatusCommand.class,
      ExportListCommand.class,
      ExportDownloadCommand.class,
      ExportVerifyCommand.class,
      ExportUploadCommand.class,
      ExportCancelCommand.class,
      ExportRunCommand.class
    })
class ExportCommand {}
