package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.config.KtConfig;
import dev.keeptrusts.export.config.KtHome;
import dev.keeptrusts.export.config.SourceResolver;
import dev.keeptrusts.export.request.UsageException;
import dev.keeptrusts.export.source.DemoData;
import dev.keeptrusts.export.source.GatewaySchema;
import dev.keeptrusts.export.source.JdbcSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kt demo}: the gateway schema and deterministic synthetic data for trials, tests and benchmarks. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Create the gateway schema and synthetic data in a database.",
    subcommands = {DemoCommand.Seed.class, DemoCommand.Schema.class})
class DemoCommand {

  @Command(
      name = "seed",
      mixinStandardHelpOptions = true,
      description = "Create the schema and insert deterministic synthetic events and escalations.",
      footer = {"", "Example: kt demo seed --events 1000000 --jdbc-url jdbc:postgresql://localhost:5432/gateway --jdbc-user kt"})
  static class Seed implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", required = true, description = "Number of decision events to create.")
    long events;

    @Option(names = "--until", paramLabel = "INSTANT", description = "Events fall in the 180 days before this instant (default: now, to the second).")
    String until;

    @Option(names = "--replace", description = "Delete existing rows in the gateway tables first.")
    boolean replace;

    @Mixin SourceFlags sourceFlags = new SourceFlags();

    @Override
    public Integer call() {
      Kt kt = (Kt) spec.root().userObject();
      if (events < 0) {
        throw new UsageException("invalid --events " + events + ": use zero or more");
      }
      Instant end = parseUntil();
      KtHome home = KtHome.fromEnvironment(kt.env);
      SourceResolver.Resolved resolved = sourceFlags.resolve(kt, home, kt.config(home));
      if (resolved.demo()) {
        throw new UsageException(
            "kt demo seed writes to a database you name: give --jdbc-url (the demo database in " + home.demoDirectory()
                + " is built by kt on first use; delete that folder to rebuild it)");
      }
      JdbcSource target = resolved.source();
      long[] counts = DemoData.seed(target, events, end, replace);
      kt.out.println(String.format(Locale.US, "Seeded %,d events and %,d escalations into %s", counts[0], counts[1], target.maskedUrl()));
      return Kt.OK;
    }

    private Instant parseUntil() {
      if (until == null) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
      }
      try {
        return OffsetDateTime.parse(until).toInstant();
      } catch (DateTimeParseException e) {
        throw new UsageException("invalid --until '" + until + "': use an ISO-8601 instant such as 2025-04-01T00:00:00Z");
      }
    }
  }

  @Command(name = "schema", mixinStandardHelpOptions = true, description = "Print the gateway tables kt export reads (PostgreSQL DDL).")
  static class Schema implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      ((Kt) spec.root().userObject()).out.print(GatewaySchema.ddl());
      return Kt.OK;
    }
  }
}
