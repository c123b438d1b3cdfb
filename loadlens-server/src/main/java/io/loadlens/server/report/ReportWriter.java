package io.loadlens.server.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loadlens.model.MeterId;
import io.loadlens.server.api.ApiException;
import io.loadlens.server.api.MeterOperations;
import io.loadlens.server.api.Readings;
import io.loadlens.server.api.ReadingsBody;
import io.loadlens.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a self-contained HTML report ({@code index.html}: data, uPlot and the chart code inlined,
 * no network access needed) for the fleet or one meter. Uses the same operations as the API, so a
 * report shows what the dashboard shows. {@link PdfReportWriter} writes the fleet report as PDF.
 */
public final class ReportWriter {

  /** The uPlot version bundled (must match the webjar in the pom). */
  public static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

  private final Clock clock;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final ReportSource source;

  public ReportWriter(Store store, Clock clock) {
    this.clock = clock;
    this.source = new ReportSource(store, json, clock);
  }

  private Object run(String op, Map<String, String> args) {
    return source.run(op, args);
  }

  /** Writes the fleet report; returns the path of {@code index.html}. */
  public Path writeFleet(Path outDir) {
    ReportSource.Fleet fleet = source.fleet(Optional.empty(), Optional.empty());
    return write(outDir, "loadlens fleet report", ReportSource.payload(fleet));
  }

  /**
   * Writes the report of one meter (up to a year of data); returns the path of {@code index.html}.
   */
  public Path writeMeter(MeterId meter, Path outDir) {
    Map<String, Object> data = new LinkedHashMap<>();
    Map<String, String> args = Map.of("meter", meter.value());
    data.put("kind", "meter");
    MeterOperations.MeterDetail detail = (MeterOperations.MeterDetail) run("meters.get", args);
    data.put("meter", detail);
    Instant end =
        detail.channels().stream()
            .filter(c -> c.obis().equals(MeterOperations.DEFAULT_OBIS.toString()))
            .map(c -> c.lastCapture())
            .filter(t -> t != null)
            .findFirst()
            .orElse(clock.instant())
            .plusSeconds(1);
    Map<String, String> range = new HashMap<>(args);
    range.put("from", end.minusSeconds(365L * 86_400).toString());
    range.put("to", end.toString());
    Readings r;
    try {
      range.put("source", "validated");
      r = ((ReadingsBody) run("readings.get", range)).readings();
    } catch (ApiException e) {
      range.put("source", "raw");
      r = ((ReadingsBody) run("readings.get", range)).readings();
    }
    data.put("readings", r);
    data.put("insights", run("insights.list", args));
    return write(outDir, "loadlens report: meter " + meter, data);
  }

  private Path write(Path outDir, String title, Object data) {
    try {
      String payload = json.writeValueAsString(data).replace("</", "<\\/");
      String html =
          "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
              + escape(title)
              + "</title>\n<style>"
              + resource(UPLOT + "uPlot.min.css")
              + resource("/io/loadlens/server/dashboard/app.css")
              + "</style></head>\n<body><header><h1>"
              + escape(title)
              + "</h1><span>generated "
              + clock.instant()
              + "</span></header><main id=\"report\"></main>\n"
              + "<script type=\"application/json\" id=\"report-data\">"
              + payload
              + "</script>\n<script>"
              + resource(UPLOT + "uPlot.iife.min.js")
              + "</script>\n<script>"
              + resource("/io/loadlens/server/dashboard/charts.js")
              + "</script>\n<script>"
              + resource("/io/loadlens/server/report/report.js")
              + "</script></body></html>\n";
      Files.createDirectories(outDir);
      Path index = outDir.resolve("index.html");
      AtomicFile.replace(index, file -> Files.writeString(file, html, StandardCharsets.UTF_8));
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("report cannot be written to " + outDir, e);
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String resource(String name) {
    try (InputStream in = ReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
