package dev.keeptrusts.export.sink;

import dev.keeptrusts.export.request.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.common.HttpClientConfiguration;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads and writes objects through Beam's S3 filesystem, configured from {@link S3Settings}:
 * region, endpoint, path-style addressing, encryption and storage class, with credentials from
 * the AWS default chain (the environment, a profile, an instance role). Objects are written one
 * at a time, so the upload holds one buffer of {@code --s3UploadBufferSizeBytes} whatever the
 * number of shards.
 */
public final class S3Store {
  /** Connecting to S3 must fail within this, so a wrong endpoint is reported quickly. */
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private static final int SOCKET_TIMEOUT_MILLIS = 20_000;

  private final S3Settings settings;
  private final S3Options options;

  private S3Store(S3Settings settings, S3Options options) {
    this.settings = settings;
    this.options = options;
  }

  /**
   * Configures Beam's S3 filesystem on {@code base} (so {@code --s3UploadBufferSizeBytes} and
   * other pass-through S3 options still apply) and registers it for this process.
   */
  public static S3Store open(S3Settings settings, PipelineOptions base, Map<String, String> env) {
    PipelineOptionsFactory.register(S3Options.class);
    S3Options options = (base != null ? base : PipelineOptionsFactory.create()).as(S3Options.class);
    options.setAwsRegion(Region.of(settings.region()));
    if (settings.endpoint() != null) {
      options.setEndpoint(URI.create(settings.endpoint()));
    }
    options.setAwsCredentialsProvider(credentials(env));
    options.setS3ClientFactoryClass(
        settings.pathStyleAccess() ? PathStyleS3ClientBuilderFactory.class : DefaultS3ClientBuilderFactory.class);
    options.setHttpClientConfiguration(
        HttpClientConfiguration.builder()
            .connectionTimeout(CONNECT_TIMEOUT_MILLIS)
            .socketTimeout(SOCKET_TIMEOUT_MILLIS)
            .build());
    if (settings.sse() != null) {
      options.setSSEAlgorithm(settings.sse());
      options.setSSEKMSKeyId(settings.kmsKeyId());
    }
    if (settings.storageClass() != null) {
      options.setS3StorageClass(settings.storageClass());
    }
    FileSystems.setDefaultPipelineOptions(options);
    return new S3Store(settings, options);
  }

  /**
   * Credentials from the AWS default chain; the environment is read from {@code env} (the
   * process environment in production) so that every kt process sees the same variables.
   */
  static AwsCredentialsProvider credentials(Map<String, String> env) {
    String keyId = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (keyId != null && secret != null) {
      String token = env.get("AWS_SESSION_TOKEN");
      return StaticCredentialsProvider.create(
          token != null ? AwsSessionCredentials.create(keyId, secret, token) : AwsBasicCredentials.create(keyId, secret));
    }
    if (env.get("AWS_PROFILE") != null) {
      return ProfileCredentialsProvider.create(env.get("AWS_PROFILE"));
    }
    return DefaultCredentialsProvider.create();
  }

  public S3Settings settings() {
    return settings;
  }

  /**
   * Checks that the bucket exists and these credentials may use it, turning each failure into
   * one line that says what to fix.
   */
  public void checkBucket() {
    try (S3Client client =
        new DefaultS3ClientBuilderFactory()
            .createBuilder(options)
            .forcePathStyle(settings.pathStyleAccess())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallTimeout(Duration.ofSeconds(25))
                    .apiCallAttemptTimeout(Duration.ofSeconds(10))
                    .build())
            .build()) {
      client.headBucket(HeadBucketRequest.builder().bucket(settings.bucket()).build());
    } catch (RuntimeException e) {
      throw explain(e);
    }
  }

  /** A one-line message for a failed S3 call. */
  public UsageException explain(Throwable e) {
    String bucket = "S3 bucket '" + settings.bucket() + "'";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof S3Exception s3) {
        return switch (s3.statusCode()) {
          case 404 -> new UsageException(bucket + " does not exist at " + settings.describeEndpoint()
              + ": create it, or fix --s3-bucket / export.s3.bucket");
          case 403 -> new UsageException("access to " + bucket + " was denied (403): check the AWS credentials"
              + " (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or the instance role) and the bucket's policy");
          case 301 -> new UsageException(bucket + " is in another region than " + settings.region() + ": set export.s3.region");
          default -> new UsageException("S3 answered " + s3.statusCode() + " for " + bucket + ": " + firstLine(s3.getMessage()));
        };
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SdkClientException && t.getMessage() != null && t.getMessage().contains("credentials")) {
        return new UsageException("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run with an instance role");
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new UsageException("cannot reach S3 at " + settings.describeEndpoint() + " (" + firstLine(root.getMessage())
        + "): check export.s3.endpoint and the network");
  }

  /** Writes a local file to {@code location} (an {@code s3://} URL). */
  public void upload(Path file, String location) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        OutputStream out = Channels.newOutputStream(create(location))) {
      in.transferTo(out);
    }
  }

  /** Deletes objects, ignoring those that do not exist; for cleaning up after a failed upload. */
  public void deleteQuietly(List<String> locations) {
    try {
      FileSystems.delete(
          locations.stream().map(l -> FileSystems.matchNewResource(l, false)).toList(),
          org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException | RuntimeException ignored) {
      // the store may be the reason the upload failed; what is left has no manifest beside it
    }
  }

  public void put(byte[] bytes, String location) throws IOException {
    try (OutputStream out = Channels.newOutputStream(create(location))) {
      out.write(bytes);
    }
  }

  /** Every object under the folder {@code location} (ending with {@code /}), at any depth. */
  public List<MatchResult.Metadata> list(String location) throws IOException {
    MatchResult result = FileSystems.match(location + "**");
    if (result.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    return result.metadata();
  }

  /** Copies the object at {@code location} to a local file. */
  public void download(ResourceId object, Path target) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(object))) {
      Files.copy(in, target);
    }
  }

  private WritableByteChannel create(String location) throws IOException {
    ResourceId resource = FileSystems.matchNewResource(location, false);
    return FileSystems.create(resource, org.apache.beam.sdk.util.MimeTypes.BINARY);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
