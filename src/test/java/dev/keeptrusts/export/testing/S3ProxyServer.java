package dev.keeptrusts.export.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real S3 API server for tests: s3proxy's jar-with-dependencies (copied into target/s3proxy by
 * the build) run as a separate JVM on 127.0.0.1, storing objects in a local directory, with the
 * credentials {@link #ACCESS_KEY} / {@link #SECRET_KEY}. Its libraries clash with Beam's, hence
 * the separate process.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "kt-test-key";
  public static final String SECRET_KEY = "kt-test-secret";

  private final Path directory;
  private final int port;
  private Process process;

  private S3ProxyServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  public static S3ProxyServer start(Path directory) throws IOException, InterruptedException {
    S3ProxyServer server = new S3ProxyServer(directory, freePort());
    server.startProcess();
    return server;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Where the objects of {@code bucket} live on disk. */
  public Path bucketDirectory(String bucket) {
    return directory.resolve("data").resolve(bucket);
  }

  /** The requests the server has received, one line each, e.g. {@code PUT http://.../key?partNumber=2&uploadId=...}. */
  public String requestLog() throws IOException {
    return Files.readString(directory.resolve("s3proxy.log"));
  }

  public void createBucket(String bucket) throws IOException {
    Files.createDirectories(bucketDirectory(bucket));
  }

  public void stop() {
    if (process != null) {
      process.destroyForcibly();
      process.onExit().join();
      process = null;
    }
  }

  /** Starts the server again on the same port and data. */
  public void restart() throws IOException, InterruptedException {
    stop();
    startProcess();
  }

  @Override
  public void close() {
    stop();
  }

  private void startProcess() throws IOException, InterruptedException {
    Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: the build copies it in generate-test-resources (mvn verify)");
    }
    Files.createDirectories(directory.resolve("data"));
    Path properties = directory.resolve("s3proxy.conf");
    Files.writeString(properties, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "s3proxy.ignore-unknown-headers=true",
        "jclouds.provider=filesystem-nio2",
        "jclouds.filesystem.basedir=" + directory.resolve("data"),
        "jclouds.identity=" + ACCESS_KEY,
        "jclouds.credential=" + SECRET_KEY,
        ""));
    Path logback = directory.resolve("logback.xml");
    Files.writeString(logback, "<configuration><appender name=\"O\" class=\"ch.qos.logback.core.ConsoleAppender\"><encoder>"
        + "<pattern>%level %logger - %msg%n</pattern></encoder></appender>"
        + "<logger name=\"org.gaul.s3proxy.S3ProxyHandler\" level=\"DEBUG\"/>" // one line per request
        + "<root level=\"WARN\"><appender-ref ref=\"O\"/></root></configuration>");
    process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-Dlogback.configurationFile=" + logback,
            "-jar", jar.toString(),
            "--properties", properties.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("s3proxy.log").toFile()))
        .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy exited: " + Files.readString(directory.resolve("s3proxy.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("s3proxy did not start within 60 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
