package io.loadlens.app.cli;

import io.loadlens.app.pipeline.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal; nothing when the output is not a terminal (logs, CI, pipes). */
public final class ConsoleProgress implements Progress {
  private final boolean enabled;
  private ProgressBar bar;

  private ConsoleProgress(boolean enabled) {
    this.enabled = enabled;
  }

  public static Progress forTerminal() {
    return new ConsoleProgress(
        System.console() != null && System.getenv("LOADLENS_NO_PROGRESS") == null);
  }

  @Override
  public synchronized void start(String stage, long steps) {
    if (enabled) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(stage)
              .setInitialMax(steps)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(200)
              .continuousUpdate()
              .build();
    }
  }

  @Override
  public synchronized void step() {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public synchronized void done() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
