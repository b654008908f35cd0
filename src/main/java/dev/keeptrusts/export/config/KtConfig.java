package dev.keeptrusts.export.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keeptrusts.export.request.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The values read from {@code config.yaml}, in the documented shape:
 *
 * <pre>
 * source:
 *   jdbc_url: jdbc:postgresql://db:5432/gateway
 *   jdbc_user: kt_reader
 * export:
 *   s3: {bucket: my-compliance-bucket, prefix: exports/, region: us-east-1}
 * </pre>
 *
 * A missing file is an empty configuration; the password is never read from it.
 */
public record KtConfig(Path file, JsonNode root) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Every key the file may hold, as dotted paths. */
  public static final List<String> KEYS =
      List.of(
          "source.jdbc_url",
          "source.jdbc_user",
          "export.s3.bucket",
          "export.s3.prefix",
          "export.s3.region",
          "export.s3.endpoint",
          "export.s3.path_style_access",
          "export.s3.sse",
          "export.s3.kms_key_id",
          "export.s3.storage_class",
          "runner.name",
          "runner.config");

  /** No configuration: for a background run, which gets everything resolved from its parent. */
  public static KtConfig empty(Path file) {
    return new KtConfig(file, YAML.createObjectNode());
  }

  /** The default file, {@code KT_HOME/config.yaml}; a missing one is an empty configuration. */
  public static KtConfig load(Path file) {
    return load(file, false);
  }

  /** {@code required}: the file was named with {@code --config}, so it must exist. */
  public static KtConfig load(Path file, boolean required) {
    if (!Files.exists(file)) {
      if (required) {
        throw new UsageException("config file " + file + " does not exist: check --config");
      }
      return new KtConfig(file, YAML.createObjectNode());
    }
    try {
      JsonNode root = YAML.readTree(file.toFile());
      if (root == null || root.isMissingNode() || root.isNull()) {
        return new KtConfig(file, YAML.createObjectNode());
      }
      checkKeys(file, root, "");
      return new KtConfig(file, root);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new UsageException("config file " + file + " is not valid YAML" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
    }
  }

  /** Refuses keys the file may not hold, naming the first one and the valid keys. */
  private static void checkKeys(Path file, JsonNode node, String path) {
    if (!node.isObject()) {
      if (!KEYS.contains(path)) {
        throw new UsageException(
            (path.isEmpty() ? "config file " + file + " is not a mapping of keys"
                : "unknown key '" + path + "' in " + file) + ": valid keys are " + String.join(", ", KEYS));
      }
      return;
    }
    if (KEYS.contains(path)) {
      throw new UsageException("key '" + path + "' in " + file + " must be a single value, not a mapping");
    }
    node.fields().forEachRemaining(e -> checkKeys(file, e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
  }

  /** True when the file sets {@code dottedPath}. */
  public boolean has(String dottedPath) {
    return text(dottedPath) != null;
  }

  /** A text value at a dotted path such as {@code source.jdbc_url}, or null. */
  public String text(String dottedPath) {
    JsonNode node = root;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}
