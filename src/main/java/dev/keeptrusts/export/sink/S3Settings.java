package dev.keeptrusts.export.sink;

import dev.keeptrusts.export.config.KtConfig;
import dev.keeptrusts.export.config.Setting;
import dev.keeptrusts.export.request.UsageException;
import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where and how exports are written to S3, resolved once from the flags, the config file
 * ({@code export.s3.*}) and the environment. Holds no credentials: those come from the AWS
 * default chain when a client is built.
 */
public record S3Settings(
    String bucket,
    String prefix,
    String region,
    String endpoint,
    boolean pathStyleAccess,
    String sse,
    String kmsKeyId,
    String storageClass)
    implements Serializable {

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  /**
   * The settings for {@code --s3-bucket}/{@code --s3-prefix} or {@code --s3-upload}, or null when
   * the export stays local. A flag wins over the config file; the region falls back to
   * {@code AWS_REGION}, then {@code us-east-1}; the endpoint to {@code AWS_ENDPOINT_URL_S3} or
   * {@code AWS_ENDPOINT_URL}.
   */
  public static S3Settings resolve(
      String bucketFlag, String prefixFlag, boolean useConfiguredBucket, KtConfig config, Map<String, String> env) {
    if (bucketFlag == null && prefixFlag == null && !useConfiguredBucket) {
      return null;
    }
    String bucket = bucketFlag != null ? bucketFlag : config.text("export.s3.bucket");
    if (bucket == null || bucket.isBlank()) {
      throw new UsageException(
          (useConfiguredBucket ? "--s3-upload" : "--s3-prefix") + " needs a bucket: set export.s3.bucket in " + config.file()
              + " or give --s3-bucket");
    }
    String prefix = prefixFlag != null ? prefixFlag : config.text("export.s3.prefix");
    String region = region(config, env).value();
    String endpoint = endpoint(config, env).value();
    String pathStyle = config.text("export.s3.path_style_access");
    String sse = config.text("export.s3.sse");
    S3Settings settings =
        new S3Settings(
            bucket,
            normalizePrefix(prefix),
            region,
            endpoint,
            pathStyle == null ? endpoint != null : parseBoolean(pathStyle),
            sse,
            config.text("export.s3.kms_key_id"),
            config.text("export.s3.storage_class"));
    settings.validate();
    return settings;
  }

  public static Setting region(KtConfig config, Map<String, String> env) {
    return Setting.lookup(config, "export.s3.region", env, "us-east-1", "AWS_REGION", "AWS_DEFAULT_REGION");
  }

  public static Setting endpoint(KtConfig config, Map<String, String> env) {
    return Setting.lookup(config, "export.s3.endpoint", env, null, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
  }

  private void validate() {
    if (!BUCKET.matcher(bucket).matches() || bucket.contains("..") || IP_ADDRESS.matcher(bucket).matches()) {
      throw new UsageException(
          "invalid S3 bucket name '" + bucket + "': use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit");
    }
    if (endpoint != null) {
      URI uri;
      try {
        uri = URI.create(endpoint);
      } catch (IllegalArgumentException e) {
        throw new UsageException("invalid export.s3.endpoint '" + endpoint + "': use a URL such as https://s3.example.com:9000");
      }
      if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
        throw new UsageException("invalid export.s3.endpoint '" + endpoint + "': use a URL such as https://s3.example.com:9000");
      }
    }
    if (sse != null && !sse.equals("AES256") && !sse.equals("aws:kms")) {
      throw new UsageException("invalid export.s3.sse '" + sse + "': use AES256 or aws:kms");
    }
    if (kmsKeyId != null && !"aws:kms".equals(sse)) {
      throw new UsageException("export.s3.kms_key_id is set but export.s3.sse is not aws:kms: set both or neither");
    }
  }

  /** The folder of one export: {@code s3://bucket/prefix<export-id>/}. */
  public String exportLocation(String exportId) {
    return "s3://" + bucket + "/" + prefix + exportId + "/";
  }

  /** The endpoint for messages: the custom one, or AWS in the region. */
  public String describeEndpoint() {
    return endpoint != null ? endpoint : "AWS S3 in " + region;
  }

  /** A prefix as a folder: no leading slash, a trailing one unless empty. */
  static String normalizePrefix(String prefix) {
    if (prefix == null) {
      return "";
    }
    String trimmed = prefix.strip().replaceAll("^/+", "");
    return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
  }

  private static boolean parseBoolean(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new UsageException("invalid export.s3.path_style_access '" + value + "': use true or false");
    };
  }
}
