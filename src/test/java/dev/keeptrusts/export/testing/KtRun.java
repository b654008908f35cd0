package dev.keeptrusts.export.testing;

import dev.keeptrusts.export.cli.Kt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs {@code kt} in-process through its {@code run} entry point and keeps what it printed. */
public record KtRun(int exitCode, String out, String err) {

  public static KtRun run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Kt.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    return new KtRun(code, out.toString(), err.toString());
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
