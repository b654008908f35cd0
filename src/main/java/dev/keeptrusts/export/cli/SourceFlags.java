package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.config.KtConfig;
import dev.keeptrusts.export.config.KtHome;
import dev.keeptrusts.export.config.SourceResolver;
import picocli.CommandLine.Option;

/** The {@code --jdbc-url} and {@code --jdbc-user} flags, shared by every command that reads or writes the gateway database. */
class SourceFlags {
  @Option(names = "--jdbc-url", paramLabel = "URL", description = "JDBC URL of the gateway database, e.g. jdbc:postgresql://db:5432/gateway.")
  String jdbcUrl;

  @Option(names = "--jdbc-user", paramLabel = "USER", description = "Database user.")
  String jdbcUser;

  /** The database these flags, the environment and the config file name, else the demo database. */
  SourceResolver.Resolved resolve(Kt kt, KtHome home, KtConfig config) {
    return SourceResolver.resolve(jdbcUrl, jdbcUser, kt.env, config, home);
  }
}
