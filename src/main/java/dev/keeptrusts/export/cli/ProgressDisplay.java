package dev.keeptrusts.export.cli;

import dev.keeptrusts.export.pipeline.RunListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far {@code kt export create --wait} has got: a progress bar on a terminal, or a
 * plain line every few seconds when the output goes to a log or a pipe.
 */
abstract class ProgressDisplay implements RunListener, AutoCloseable {
  static ProgressDisplay create(Kt kt, String entity) {
    return kt.interactive ? new Bar(System.err, entity) : new Lines(kt.err, entity);
  }

  @Override
  public abstract void close();

  /** A bar redrawn in place, on a terminal. */
  private static final class Bar extends ProgressDisplay {
    private final PrintStream stream;
    private final String entity;
    private ProgressBar bar;

    Bar(PrintStream stream, String entity) {
      this.stream = stream;
      this.entity = entity;
    }

    @Override
    public synchronized void measured(long expected) {
      bar = new ProgressBarBuilder()
          .setTaskName("Exporting")
          .setInitialMax(expected)
          .setUnit(" " + entity, 1)
          .setStyle(ProgressBarStyle.ASCII)
          .showSpeed()
          .setConsumer(new ConsoleProgressBarConsumer(stream))
          .build();
    }

    @Override
    public synchronized void progress(long written) {
      if (bar != null) {
        bar.stepTo(written);
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }

  /** A line every {@link #INTERVAL_MILLIS} while the export runs, for logs; a short export prints none. */
  private static final class Lines extends ProgressDisplay {
    private static final long INTERVAL_MILLIS = 10_000;
    private final PrintWriter err;
    private final String entity;
    private long expected = -1;
    private long lastLine;

    Lines(PrintWriter err, String entity) {
      this.err = err;
      this.entity = entity;
    }

    @Override
    public synchronized void measured(long total) {
      expected = total;
      lastLine = System.currentTimeMillis();
    }

    @Override
    public synchronized void progress(long written) {
      long now = System.currentTimeMillis();
      if (expected > 0 && now - lastLine >= INTERVAL_MILLIS) {
        lastLine = now;
        err.println(String.format(Locale.US, "Progress: %,d / %,d %s (%d%%)", written, expected, entity, written * 100 / expected));
      }
    }

    @Override
    public void close() {
      err.flush();
    }
  }
}
