package io.loadlens.transport;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.OperatorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthetic meter events, one of every kind per meter, some without an operator code. */
public final class Events {
  private Events() {}

  /** {@code perMeter} events for each of {@code meters} meters ({@code E0000000}…), meter-major. */
  public static List<MeterEvent> of(int meters, int perMeter) {
    MeterEvent.Kind[] kinds = MeterEvent.Kind.values();
    OperatorCode[] codes = OperatorCode.values();
    List<MeterEvent> out = new ArrayList<>();
    for (int m = 0; m < meters; m++) {
      MeterId meter = MeterId.of(String.format("E%07d", m));
      for (int i = 0; i < perMeter; i++) {
        Instant start = Fleet.START.plusSeconds(900L * i + m);
        MeterEvent.Kind kind = kinds[i % kinds.length];
        out.add(
            new MeterEvent(
                meter,
                kind,
                start,
                kind == MeterEvent.Kind.READ_FAILURE
                    ? start
                    : start.plusSeconds(900L * (1 + i % 4)),
                i % 3 == 2 ? null : codes[(i + m) % codes.length],
                "event "
                    + i
                    + " of "
                    + meter
                    + (i % 5 == 0 ? " — \"quoted\", ünïcode\n2nd line" : "")));
      }
    }
    return out;
  }
}
