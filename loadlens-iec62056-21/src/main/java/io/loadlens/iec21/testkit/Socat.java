package io.loadlens.iec21.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real pseudo-terminals for tests and local trials, made by {@code socat}: a pair of connected
 * pseudo-terminals ({@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}), or one pseudo-terminal
 * joined to a TCP server ({@code socat -d -d pty,raw,echo=0 tcp:HOST:PORT}), as a serial cable or a
 * serial-to-TCP converter would join them. Closing stops the socat process (and only it).
 */
public final class Socat implements AutoCloseable {
  /** Where socat usually lives; {@code $PATH} is searched too. */
  private static final Path USUAL = Path.of("/usr/bin/socat");

  private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");
  private static final Duration START_LIMIT = Duration.ofSeconds(10);

  private final Process process;
  private final List<Path> ptys;
  private final List<String> log;

  private Socat(Process process, List<Path> ptys, List<String> log) {
    this.process = process;
    this.ptys = List.copyOf(ptys);
    this.log = log;
  }

  /** The socat executable, when installed. */
  public static java.util.Optional<Path> executable() {
    if (Files.isExecutable(USUAL)) {
      return java.util.Optional.of(USUAL);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path p = Path.of(dir, "socat");
        if (Files.isExecutable(p)) {
          return java.util.Optional.of(p);
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether socat is installed (tests that need it are skipped otherwise). */
  public static boolean available() {
    return executable().isPresent();
  }

  /** Two connected pseudo-terminals: what is written to one is read from the other. */
  public static Socat ptyPair() throws IOException {
    return start(2, "pty,raw,echo=0", "pty,raw,echo=0");
  }

  /** One pseudo-terminal whose bytes go to and come from a TCP server (connected at once). */
  public static Socat ptyToTcp(String host, int port) throws IOException {
    return start(1, "pty,raw,echo=0", "tcp:" + host + ":" + port);
  }

  private static Socat start(int expectedPtys, String a, String b) throws IOException {
    Path exe =
        executable().orElseThrow(() -> new IOException("socat is not installed (not on PATH)"));
    Process p =
        new ProcessBuilder(exe.toString(), "-d", "-d", a, b)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<Path> ptys = new CopyOnWriteArrayList<>();
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    Thread.ofVirtual()
        .name("socat-log")
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  log.add(line);
                  Matcher m = PTY.matcher(line);
                  if (m.find()) {
                    ptys.add(Path.of(m.group(1)));
                  }
                  if (line.contains("starting data transfer loop")) {
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                // socat ended: close() or a failure, reported below
              }
              ready.countDown();
            });
    try {
      if (!ready.await(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
          || ptys.size() != expectedPtys
          || !p.isAlive()) {
        p.destroy();
        throw new IOException(
            "socat " + a + " " + b + " did not start: " + String.join(" | ", log));
      }
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while starting socat");
    }
    return new Socat(p, new ArrayList<>(ptys), log);
  }

  /** The pseudo-terminals, in the order of the addresses. */
  public List<Path> ptys() {
    return ptys;
  }

  /** The first pseudo-terminal. */
  public Path first() {
    return ptys.get(0);
  }

  /** The second pseudo-terminal of a pair. */
  public Path second() {
    return ptys.get(1);
  }

  /** Whether socat still runs (it ends when the TCP server closes the connection). */
  public boolean alive() {
    return process.isAlive();
  }

  /** What socat logged (for messages of failing tests). */
  public List<String> log() {
    return List.copyOf(log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
