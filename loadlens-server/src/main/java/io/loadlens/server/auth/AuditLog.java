package io.loadlens.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every data access: one JSON line per access appended to {@code <dataDir>/audit.log}
 * (opened append-only) and the same line to the SLF4J logger {@code loadlens.audit}. Never records
 * token secrets.
 */
public final class AuditLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("loadlens.audit");

  private final Path file;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final FileChannel channel;

  public AuditLog(Path dataDir, Clock clock) {
    this.file = dataDir.resolve("audit.log");
    this.clock = clock;
    try {
      Files.createDirectories(dataDir);
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("audit log " + file + " cannot be opened", e);
    }
  }

  /**
   * Records one access.
   *
   * @param who the token id, or {@code -} when the caller was not authenticated
   * @param role the caller's role, or {@code -}
   * @param address the client address
   * @param action the operation, e.g. {@code readings.get}, or the HTTP method and path
   * @param subject the meter or {@code fleet} concerned, or {@code -}
   * @param outcome {@code ok}, {@code denied}, {@code error:404}, ...
   */
  public void record(
      String who, String role, String address, String action, String subject, String outcome) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("time", clock.instant().toString());
    line.put("who", who);
    line.put("role", role);
    line.put("address", address);
    line.put("action", action);
    line.put("subject", subject);
    line.put("outcome", outcome);
    String text;
    try {
      text = json.writeValueAsString(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.info(text);
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      try {
        channel.write(java.nio.ByteBuffer.wrap(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException("audit log " + file + " cannot be written", e);
      }
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
