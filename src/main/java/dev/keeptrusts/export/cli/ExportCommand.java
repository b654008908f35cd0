package dev.keeptrusts.export.cli;

import picocli.CommandLine.Command;

/** {@code kt export}: the group of export commands. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Create exports of decision events and escalation records.",
    subcommands = {ExportCreateCommand.class})
class ExportCommand {}
