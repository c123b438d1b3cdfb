package io.loadlens.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Routes the collector's log ({@code loadlens.ingest}: one line per meter read with its operator
 * code) to {@code <data dir>/log/ingest.log}, and the API audit log ({@code loadlens.audit}) to
 * {@code <data dir>/log/audit.log}, in addition to the console configuration of logback.xml.
 */
public final class Logging {
  private static volatile Path configuredFor;

  private Logging() {}

  public static synchronized void toDataDir(Path dataDir) {
    Path logDir = dataDir.toAbsolutePath().normalize().resolve("log");
    if (logDir.equals(configuredFor)) {
      return;
    }
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    attach(ctx, "loadlens.ingest", logDir.resolve("ingest.log"));
    attach(ctx, "loadlens.audit", logDir.resolve("audit.log"));
    configuredFor = logDir;
  }

  private static void attach(LoggerContext ctx, String loggerName, Path file) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %msg%n");
    encoder.start();
    FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(ctx);
    appender.setName(loggerName + "-file");
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setEncoder(encoder);
    appender.start();
    Logger logger = ctx.getLogger(loggerName);
    logger.detachAppender(loggerName + "-file");
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
  }
}
