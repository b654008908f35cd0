package dev.keeptrusts.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keeptrusts.export.testing.GatewayFixture;
import dev.keeptrusts.export.testing.KtRun;
import dev.keeptrusts.export.testing.S3ProxyServer;
import dev.keeptrusts.export.testing.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Exports to S3 against a real S3 API server (s3proxy, a separate process on 127.0.0.1), read
 * back with the AWS SDK's own client, not through Beam.
 */
class S3ExportTest {
  private static final String BUCKET = "audit-bucket";
  private static final String ALL_FROM = "2024-01-01";
  private static final String ALL_TO = "2025-03-01";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String url;
  private static S3ProxyServer s3;
  private static S3Client client;
  @TempDir static Path serverDirectory;
  @TempDir Path home;
  @TempDir Path out;

  @BeforeAll
  static void start() throws Exception {
    url = GatewayFixture.create("s3_export", 70_000);
    s3 = S3ProxyServer.start(serverDirectory);
    s3.createBucket(BUCKET);
    client = S3Client.builder()
        .endpointOverride(URI.create(s3.endpoint()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
        .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    s3.close();
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("KT_HOME", home.toString());
    env.put("KT_JDBC_URL", url);
    env.put("KT_JDBC_USER", "postgres");
    env.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
    return env;
  }

  private void writeConfig(String... lines) throws IOException {
    Files.writeString(home.resolve("config.yaml"), String.join("\n", lines) + "\n");
  }

  /** The config of the docs' example, with the endpoint of the test server given as localhost. */
  private void configureDefaults() throws IOException {
    writeConfig("export:", "  s3:", "    bucket: " + BUCKET, "    prefix: exports/", "    region: us-east-1",
        "    endpoint: http://localhost:" + s3.port());
  }

  private KtRun kt(String... args) {
    return KtRun.run(env(), args);
  }

  @Test
  void aBackgroundExportWithFlagsLandsUnderThePrefixInParts() throws Exception {
    configureDefaults();
    // 5 MiB parts, the S3 minimum, so this CSV of several MiB goes up as a multipart upload of several parts.
    KtRun created = kt("export", "create", "--from", ALL_FROM, "--to", ALL_TO, "--format", "csv",
        "--s3-bucket", BUCKET, "--s3-prefix", "exports/2025/Q1/", "--", "--s3UploadBufferSizeBytes=5242880");
    assertEquals(0, created.exitCode(), created::toString);
    String id = created.field("Export ID");
    JsonNode done = KtRun.awaitFinal(env(), id, Duration.ofMinutes(2));
    assertEquals("completed", done.get("status").asText(), done::toString);
    String prefix = "exports/2025/Q1/" + id + "/";
    assertEquals("s3://" + BUCKET + "/" + prefix, done.get("destination").asText());
    assertEquals(List.of(prefix + "SHA256SUMS", prefix + "events-00000-of-00001.csv", prefix + "manifest.json"), keys(prefix));

    JsonNode manifest = JSON.readTree(get(prefix + "manifest.json"));
    JsonNode file = manifest.get("files").get(0);
    byte[] csv = get(prefix + file.get("path").asText());
    assertTrue(csv.length > 5 * 1024 * 1024, "larger than one part: " + csv.length);
    assertTrue(s3.requestLog().contains(prefix + "events-00000-of-00001.csv?partNumber=2&uploadId="), "uploaded in several parts");
    assertEquals(sha256(csv), file.get("sha256").asText(), "the manifest's checksum is the object's");
    assertEquals(csv.length, file.get("bytes").asLong());
    long rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords().size();
    long expected = Long.parseLong(TestDatabase.column(url, "SELECT COUNT(*) FROM decision_events").get(0));
    assertEquals(expected, rows);
    assertEquals(expected, file.get("records").asLong());
    assertEquals(file.get("sha256").asText() + "  events-00000-of-00001.csv\n", new String(get(prefix + "SHA256SUMS"), StandardCharsets.UTF_8));
  }

  @Test
  void s3UploadTakesTheConfigDefaultsAndDownloadVerifies() throws Exception {
    configureDefaults();
    KtRun created = kt("export", "create", "--from", "2025-01-01", "--to", "2025-01-31", "--format", "parquet", "--name", "Q1-2025-audit",
        "--s3-upload", "--wait");
    assertEquals(0, created.exitCode(), created::toString);
    String id = created.field("Export ID");
    assertEquals("s3://" + BUCKET + "/exports/" + id + "/", created.field("Output"));
    assertEquals(3, keys("exports/" + id + "/").size());

    KtRun download = kt("export", "download", id, "--output", out.toString(), "--verify");
    assertEquals(0, download.exitCode(), download::toString);
    assertTrue(Files.exists(out.resolve("Q1-2025-audit/manifest.json")));

    // An object added beside the export in the bucket is named by the verification.
    client.putObject(b -> b.bucket(BUCKET).key("exports/" + id + "/extra.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
    KtRun again = kt("export", "download", id, "--output", out.resolve("again").toString(), "--verify");
    assertEquals(1, again.exitCode(), again::toString);
    assertTrue(again.out().lines().anyMatch(l -> l.contains("UNEXPECTED") && l.contains("extra.txt")), again.out());
  }

  @Test
  void uploadCopiesAnExistingExportAndCanRunAgain() throws Exception {
    configureDefaults();
    KtRun created = kt("export", "create", "--from", "2025-01-01", "--to", "2025-01-31", "--format", "json", "--wait",
        "--output", out.resolve("local").toString());
    assertEquals(0, created.exitCode(), created::toString);
    String id = created.field("Export ID");
    for (int attempt = 0; attempt < 2; attempt++) {
      KtRun upload = kt("export", "upload", id, "--s3-bucket", BUCKET, "--s3-prefix", "exports/2025/Q1/");
      assertEquals(0, upload.exitCode(), upload::toString);
    }
    String prefix = "exports/2025/Q1/" + id + "/";
    assertEquals(List.of(prefix + "SHA256SUMS", prefix + "events-00000-of-00001.json", prefix + "manifest.json"), keys(prefix));
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(out.resolve("local/manifest.json")), get(prefix + "manifest.json")));
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(out.resolve("local/events-00000-of-00001.json")), get(prefix + "events-00000-of-00001.json")));
    assertEquals("s3://" + BUCKET + "/" + prefix, kt("export", "status", id, "--format", "json").json().get("s3_location").asText());
  }

  @Test
  void configShowSaysWhereEachValueCameFromAndHidesSecrets() throws Exception {
    configureDefaults();
    Map<String, String> env = env();
    env.put("KT_JDBC_PASSWORD", "pg-secret-pw");
    KtRun show = KtRun.run(env, "config", "show", "--format", "json");
    assertEquals(0, show.exitCode(), show::toString);
    JsonNode config = show.json();
    assertEquals(BUCKET, config.get("export").get("s3").get("bucket").asText());
    assertEquals("config file", config.get("origins").get("export.s3.bucket").asText());
    assertEquals("environment KT_JDBC_URL", config.get("origins").get("source.jdbc_url").asText());
    assertEquals("***", config.get("source").get("jdbc_password").asText());
    assertFalse(show.out().contains("pg-secret-pw") || show.out().contains(S3ProxyServer.SECRET_KEY) || show.out().contains(S3ProxyServer.ACCESS_KEY), show.out());
    KtRun yaml = KtRun.run(env, "config", "show");
    assertTrue(yaml.out().contains("bucket: \"" + BUCKET + "\""), yaml.out());
  }

  @Test
  void badS3InputGetsOneLineAndLeavesNothing() throws Exception {
    List<String> before = keys("");
    writeConfig("export:", "  s3:", "    region: us-east-1");
    assertOneLine(kt("export", "create", "--since", "1d", "--s3-upload"), "set export.s3.bucket in");
    configureDefaults();
    assertOneLine(kt("export", "create", "--since", "1d", "--s3-bucket", "Not_A_Bucket"), "invalid S3 bucket name 'Not_A_Bucket'");
    assertOneLine(kt("export", "create", "--since", "1d", "--s3-bucket", "no-such-bucket"), "S3 bucket 'no-such-bucket' does not exist");
    Map<String, String> wrongKey = env();
    wrongKey.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
    KtRun denied = KtRun.run(wrongKey, "export", "create", "--since", "1d", "--s3-upload");
    assertOneLine(denied, "was denied (403)");
    assertFalse(denied.err().contains("not-the-secret"));

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    writeConfig("export:", "  s3:", "    bucket: " + BUCKET, "    endpoint: http://127.0.0.1:" + closed);
    long start = System.nanoTime();
    assertOneLine(kt("export", "create", "--since", "1d", "--s3-upload"), "cannot reach S3 at http://127.0.0.1:" + closed);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "fails within 30 s");

    Files.writeString(home.resolve("config.yaml"), "export:\n  s3:\n    bucket: [unclosed\n");
    assertOneLine(kt("export", "create", "--since", "1d"), "is not valid YAML at line");
    writeConfig("export:", "  s3:", "    buckett: " + BUCKET);
    assertOneLine(kt("export", "create", "--since", "1d"), "unknown key 'export.s3.buckett'");
    assertOneLine(kt("config", "show"), "valid keys are source.jdbc_url, source.jdbc_user, export.s3.bucket");
    assertOneLine(kt("--config", out.resolve("missing.yaml").toString(), "config", "show"), "does not exist");
    assertEquals(before, keys(""), "nothing was written to the bucket");
  }

  @Test
  void anS3ServerThatStopsDuringTheExportLeavesItFailedWithoutAManifest() throws Exception {
    configureDefaults();
    String id;
    CompletableFuture<KtRun> export;
    try (Connection lock = TestDatabase.connect(url)) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE decision_events IN ACCESS EXCLUSIVE MODE");
      }
      // An explicit runner: no count before the export is recorded, so the lock holds the run itself.
      export = CompletableFuture.supplyAsync(() -> kt("export", "create", "--from", ALL_FROM, "--to", ALL_TO, "--format", "jsonl",
          "--s3-upload", "--wait", "--runner", "direct", "--", "--s3UploadBufferSizeBytes=5242880"));
      id = awaitProcessing();
      s3.stop();
    }
    KtRun run = export.get();
    s3.restart();
    assertEquals(1, run.exitCode(), run::toString);
    String err = run.err().strip();
    assertFalse(err.contains("\n"), err);
    assertTrue(err.startsWith("kt: export failed: upload to s3://" + BUCKET + "/exports/" + id + "/ failed, no manifest was written"), err);
    assertFalse(keys("exports/" + id + "/").contains("exports/" + id + "/manifest.json"));
    assertEquals("failed", kt("export", "status", id, "--format", "json").json().get("status").asText());
  }

  // --- helpers

  private String awaitProcessing() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      KtRun list = kt("export", "list", "--status", "processing", "--format", "json");
      if (list.exitCode() == 0 && list.json().size() == 1) {
        return list.json().get(0).get("id").asText();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the export never started");
  }

  private static List<String> keys(String prefix) {
    return client.listObjectsV2(ListObjectsV2Request.builder().bucket(BUCKET).prefix(prefix).build()).contents().stream()
        .map(S3Object::key)
        .sorted()
        .toList();
  }

  private static byte[] get(String key) {
    return client.getObjectAsBytes(GetObjectRequest.builder().bucket(BUCKET).key(key).build()).asByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static void assertOneLine(KtRun run, String fragment) {
    assertNotEquals(0, run.exitCode(), run::toString);
    String err = run.err().strip();
    String last = err.lines().reduce((a, b) -> b).orElse("");
    assertTrue(err.lines().allMatch(l -> l.equals(last) || l.startsWith("Using the demo database")), "one line only:\n" + err);
    assertTrue(last.startsWith("kt: ") && last.contains(fragment), "'" + fragment + "' in: " + err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
  }
}
