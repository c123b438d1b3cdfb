package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs loadlens commands as their own processes (as an operator or systemd runs them), on the test
 * class path, each with its output in a log file; kills what is left on {@link #close}.
 */
final class CliProcesses implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(120);

  private final Path dir;
  private final List<Process> children = new ArrayList<>();

  CliProcesses(Path dir) {
    this.dir = dir;
  }

  /** Starts {@code loadlens args...} with its output in {@code log}. */
  Process start(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.loadlens.app.Main");
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(dir.toFile())
            .start();
    children.add(p);
    return p;
  }

  /** Waits until the process has printed a line {@code wanted} accepts. */
  static void awaitLine(Process p, Path log, Predicate<String> wanted) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      if (text.lines().anyMatch(wanted)) {
        return;
      }
      assertThat(p.isAlive()).as("process exited: " + text).isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("no expected line in " + log + ": " + Files.readString(log));
  }

  /** SIGTERM, as systemd stops a unit; the command closes its store or outbox and exits 0. */
  static void stopGracefully(Process p) throws Exception {
    p.destroy();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    assertThat(p.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
