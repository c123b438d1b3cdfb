package io.loadlens.server.api;

import io.loadlens.model.MeterId;
import io.loadlens.server.auth.Role;
import io.loadlens.store.ExportFilter;
import io.loadlens.store.Exporter;
import io.loadlens.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Exports of one meter's stored values as CSV or Apache Parquet through the store's {@link
 * Exporter}: raw values and, unless {@code estimated=false}, the estimated and edited values of the
 * VEE output, each with quality and method.
 */
public final class ExportOperations {

  /** The operation name; REST only (a file, not JSON). */
  public static final String EXPORT = "export.values";

  /** IANA media type of Apache Parquet (registered 2024). */
  public static final String PARQUET_MEDIA_TYPE = "application/vnd.apache.parquet";

  /** RFC 4180 §3 media type of CSV, UTF-8. */
  public static final String CSV_MEDIA_TYPE = "text/csv; charset=utf-8";

  private final Exporter exporter;
  private final Store store;

  public ExportOperations(Store store) {
    this.store = store;
    this.exporter = new Exporter(store);
  }

  public List<Operation> operations() {
    return List.of(new Operation(EXPORT, Role.CONSUMER, true, this::export));
  }

  private Object export(Call c) {
    MeterId id = Params.meter(c.args());
    if (store.meter(id).isEmpty()) {
      throw ApiException.notFound("meter " + id + " not found");
    }
    Exporter.Format format = format(c.args().get("format").orElse("csv"));
    Instant from = c.args().get("from").map(t -> Params.instant(t, "from")).orElse(null);
    Instant to = c.args().get("to").map(t -> Params.instant(t, "to")).orElse(null);
    if (from != null && to != null && !to.isAfter(from)) {
      throw ApiException.badRequest(
          "argument 'to' (" + to + ") must be after 'from' (" + from + ")");
    }
    boolean estimated = bool(c.args().get("estimated").orElse("true"));
    ExportFilter filter = new ExportFilter(id, from, to, estimated);
    String ext = format == Exporter.Format.PARQUET ? ".parquet" : ".csv";
    Path tmp = null;
    try {
      tmp = Files.createTempFile("loadlens-export-", ext);
      exporter.export(filter, format, tmp);
      return new FileBody(
          id.value() + ext,
          format == Exporter.Format.PARQUET ? PARQUET_MEDIA_TYPE : CSV_MEDIA_TYPE,
          tmp);
    } catch (IOException e) {
      delete(tmp);
      throw new UncheckedIOException("export of meter " + id + " failed", e);
    } catch (RuntimeException e) {
      delete(tmp);
      throw e;
    }
  }

  private static Exporter.Format format(String text) {
    try {
      return Exporter.Format.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("argument 'format': " + e.getMessage());
    }
  }

  private static boolean bool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw ApiException.badRequest(
              "argument 'estimated': '" + text + "' is not true or false");
    };
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        p.toFile().deleteOnExit();
      }
    }
  }
}
