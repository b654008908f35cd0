package dev.keeptrusts.export.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keeptrusts.export.cli.Kt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

/** Runs {@code kt} in-process through its {@code run} entry point and keeps what it printed. */
public record KtRun(int exitCode, String out, String err) {

  public static KtRun run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Kt.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    return new KtRun(code, out.toString(), err.toString());
  }

  /** {@code args} with {@code --wait} added when they create an export. */
  public static String[] waiting(String... args) {
    if (args.length < 2 || !args[0].equals("export") || !args[1].equals("create")) {
      return args;
    }
    String[] waiting = new String[args.length + 1];
    waiting[0] = "export";
    waiting[1] = "create";
    waiting[2] = "--wait";
    System.arraycopy(args, 2, waiting, 3, args.length - 2);
    return waiting;
  }

  /**
   * Polls {@code kt export status ID --format json} until the export is completed, failed or
   * cancelled, and returns that status record.
   */
  public static JsonNode awaitFinal(Map<String, String> env, String id, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      KtRun status = run(env, "export", "status", id, "--format", "json");
      if (status.exitCode() != 0) {
        throw new AssertionError("status failed: " + status);
      }
      JsonNode entry = status.json();
      String state = entry.get("status").asText();
      if (state.equals("completed") || state.equals("failed") || state.equals("cancelled")) {
        return entry;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("export " + id + " still " + state + " after " + timeout);
      }
      Thread.sleep(250);
    }
  }

  /** Standard output parsed as JSON. */
  public JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + this, e);
    }
  }

  /** The value of a {@code Key: value} line of the result block. */
  public String field(String key) {
    for (String line : out.split("\n")) {
      if (line.startsWith(key + ": ")) {
        return line.substring(key.length() + 2).trim();
      }
    }
    throw new AssertionError("no '" + key + ":' line in output:\n" + out + "\nstderr:\n" + err);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
