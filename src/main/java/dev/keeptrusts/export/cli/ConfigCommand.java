package dev.keeptrusts.export.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.keeptrusts.export.config.KtConfig;
import dev.keeptrusts.export.config.KtHome;
import dev.keeptrusts.export.config.Setting;
import dev.keeptrusts.export.launcher.RunnerConfig;
import dev.keeptrusts.export.manifest.ToolVersion;
import dev.keeptrusts.export.request.UsageException;
import dev.keeptrusts.export.sink.S3Settings;
import dev.keeptrusts.export.source.JdbcSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kt config}: the configuration kt resolves. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Show the resolved configuration.", subcommands = ConfigCommand.Show.class)
class ConfigCommand {

  /**
   * {@code kt config show}: every setting as kt resolves it from the config file, the environment
   * and defaults, with where each value came from. Secrets are never printed: the database
   * password and AWS credentials show only whether and where they are set.
   */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print the resolved configuration (config file + environment + defaults) and where each value came from; secrets masked.",
      footer = {"", "Example: kt config show --format json > policy-config-snapshot.json"})
  static class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", paramLabel = "yaml|json", defaultValue = "yaml", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
      Kt kt = (Kt) spec.root().userObject();
      ObjectMapper mapper =
          switch (format.toLowerCase()) {
            case "json" -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            case "yaml" -> new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
            default -> throw new UsageException("unknown --format '" + format + "': use yaml or json");
          };
      KtHome home = KtHome.fromEnvironment(kt.env);
      KtConfig config = kt.config(home);
      kt.out.println(mapper.writeValueAsString(resolve(home, config, kt.env)).stripTrailing());
      return Kt.OK;
    }

    /** The resolved settings as a tree: sections by concern, then the origin of every value. */
    static Map<String, Object> resolve(KtHome home, KtConfig config, Map<String, String> env) {
      Map<String, String> origins = new LinkedHashMap<>();
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("kt_version", ToolVersion.get());
      root.put("kt_home", home.path().toString());
      root.put("config_file", config.file().toString());

      Map<String, Object> source = new LinkedHashMap<>();
      Setting url = Setting.lookup(config, "source.jdbc_url", env, null, "KT_JDBC_URL");
      if (url.value() == null) {
        url = new Setting("jdbc:h2:file:" + home.demoDirectory().resolve("kt-demo"), "default: the demo database");
      }
      String password = env.get("KT_JDBC_PASSWORD");
      source.put("jdbc_url", new JdbcSource(url.value(), null, password).maskedUrl());
      origins.put("source.jdbc_url", url.origin());
      Setting user = Setting.lookup(config, "source.jdbc_user", env, null, "KT_JDBC_USER");
      source.put("jdbc_user", user.value());
      origins.put("source.jdbc_user", user.origin());
      source.put("jdbc_password", password == null ? null : "***");
      origins.put("source.jdbc_password", password == null ? Setting.NOT_SET : "environment KT_JDBC_PASSWORD");
      root.put("source", source);

      Map<String, Object> s3 = new LinkedHashMap<>();
      put(s3, origins, "bucket", Setting.lookup(config, "export.s3.bucket", env, null));
      put(s3, origins, "prefix", Setting.lookup(config, "export.s3.prefix", env, ""));
      put(s3, origins, "region", S3Settings.region(config, env));
      Setting endpoint = S3Settings.endpoint(config, env);
      put(s3, origins, "endpoint", endpoint);
      Setting pathStyle = Setting.lookup(config, "export.s3.path_style_access", env, String.valueOf(endpoint.value() != null));
      s3.put("path_style_access", Boolean.parseBoolean(pathStyle.value()));
      origins.put("export.s3.path_style_access", pathStyle.origin().equals("default") ? "default (true with a custom endpoint)" : pathStyle.origin());
      put(s3, origins, "sse", Setting.lookup(config, "export.s3.sse", env, null));
      put(s3, origins, "kms_key_id", Setting.lookup(config, "export.s3.kms_key_id", env, null));
      put(s3, origins, "storage_class", Setting.lookup(config, "export.s3.storage_class", env, null));
      s3.put("credentials", credentialsOrigin(env));
      origins.put("export.s3.credentials", "AWS default chain; never printed");
      root.put("export", Map.of("s3", s3));

      // Runner: --runner/--runner-config > runner.name/runner.config > the default; options after -- win over the file.
      Map<String, Object> runner = new LinkedHashMap<>();
      RunnerConfig chosen = RunnerConfig.resolve(null, null, config);
      runner.put("config", chosen.name());
      runner.put("options", chosen.options());
      if (RunnerConfig.origin(null, null, config).equals("default")) {
        runner.put("large_exports", "flink-local, from " + RunnerConfig.LARGE_EXPORT + " records");
      }
      root.put("runner", runner);
      origins.put("runner", RunnerConfig.origin(null, null, config) + " (a --runner or --runner-config flag wins; options after -- win over the file)");
      root.put("origins", origins);
      return root;
    }

    private static void put(Map<String, Object> section, Map<String, String> origins, String key, Setting setting) {
      section.put(key, setting.value());
      origins.put("export.s3." + key, setting.origin());
    }

    /** Where AWS credentials will come from, without their values. */
    private static String credentialsOrigin(Map<String, String> env) {
      if (env.get("AWS_ACCESS_KEY_ID") != null && env.get("AWS_SECRET_ACCESS_KEY") != null) {
        return "environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY" + (env.get("AWS_SESSION_TOKEN") != null ? ", AWS_SESSION_TOKEN)" : ")");
      }
      if (env.get("AWS_PROFILE") != null) {
        return "AWS profile " + env.get("AWS_PROFILE");
      }
      return "AWS default chain (~/.aws, container or instance role)";
    }
  }
}
