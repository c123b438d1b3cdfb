package io.loadlens.collector;

import io.loadlens.model.OperatorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per meter read to the SLF4J logger {@code loadlens.ingest} (the app routes it to
 * {@code <data dir>/log/ingest.log}):
 *
 * <pre>
 * SUCCESS: Profile Transferred meter=SIM-00001 rows=96 gaps=0 attempts=1 duration_ms=41 session_ms=12
 * SUCCESS: Profile Transferred meter=SIM-00007 rows=90 gaps=6 code=0x09 attempts=1 duration_ms=38 session_ms=30
 * FAILURE code=0x05 meter=SIM-00003 rows=0 attempts=1 duration_ms=12 session_ms=12 reason=association rejected
 * FAILURE code=0x01 meter=SIM-00004 rows=96 attempts=1 duration_ms=40 session_ms=39 reason=critical error ...
 * </pre>
 */
public final class IngestLog implements CollectionListener {
  /** The logger's name. */
  public static final String LOGGER = "loadlens.ingest";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void meterFinished(MeterOutcome o) {
    if (o.ok()) {
      LOG.info(line(o));
    } else {
      LOG.warn(line(o));
    }
  }

  @Override
  public void passFinished(PassSummary s) {
    LOG.info(summaryLine(s));
  }

  /** The line for one outcome. */
  public static String line(MeterOutcome o) {
    StringBuilder sb = new StringBuilder(160);
    if (o.ok()) {
      sb.append("SUCCESS: Profile Transferred meter=").append(o.meter());
      sb.append(" rows=").append(o.rows()).append(" gaps=").append(o.gaps());
      o.code().ifPresent(c -> sb.append(" code=").append(c.label()));
    } else {
      sb.append("FAILURE code=").append(o.code().map(OperatorCode::label).orElse("?"));
      sb.append(" meter=").append(o.meter()).append(" rows=").append(o.rows());
    }
    sb.append(" attempts=").append(o.attempts());
    sb.append(" duration_ms=").append(o.duration().toMillis());
    sb.append(" session_ms=").append(o.sessionTime().toMillis());
    if (!o.ok()) {
      sb.append(" reason=").append(o.reason().replace('\n', ' '));
    }
    return sb.toString();
  }

  /** The line closing a pass. */
  public static String summaryLine(PassSummary s) {
    StringBuilder sb = new StringBuilder("PASS meters=").append(s.meters());
    sb.append(" ok=").append(s.ok()).append(" failed=").append(s.failed());
    s.failedByCode()
        .forEach((c, n) -> sb.append(" failed_").append(c.label()).append('=').append(n));
    sb.append(" rows=").append(s.rows()).append(" gaps=").append(s.gaps());
    sb.append(" duration_ms=").append(s.duration().toMillis());
    sb.append(" p50_ms=").append(s.p50().toMillis()).append(" p99_ms=").append(s.p99().toMillis());
    return sb.toString();
  }
}
