package io.loadlens.transport.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.OperatorCode;
import io.loadlens.transport.EventBatch;
import io.loadlens.transport.Events;
import io.loadlens.transport.MalformedMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventCodecTest {

  private final EventCodec codec = EventCodec.withDefaultLimit();

  private static final String GOOD_EVENT =
      "{\"kind\":\"GAP\",\"start\":\"2024-03-01T00:15:00Z\",\"end\":\"2024-03-01T01:00:00Z\","
          + "\"code\":\"PROFILE_ENTRY_MISSING\",\"detail\":\"3 intervals missing\"}";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String message(String events) {
    return "{\"schema\":1,\"meter\":\"KFM_1001\",\"events\":[" + events + "]}";
  }

  @Test
  void roundTripKeepsEveryFieldOfEveryKindAndCode() {
    List<MeterEvent> all = Events.of(1, 40);
    EventBatch b = new EventBatch(MeterId.of("E0000000"), all);
    assertThat(codec.decode(codec.encode(b))).isEqualTo(b);
    assertThat(all).extracting(MeterEvent::code).containsNull();
  }

  @Test
  void roundTripKeepsNanosecondsAndPointEvents() {
    MeterId m = MeterId.of("KFM_1001");
    Instant t = Instant.parse("2024-03-01T00:31:02.123456789Z");
    EventBatch b =
        new EventBatch(
            m,
            List.of(
                new MeterEvent(
                    m, MeterEvent.Kind.READ_FAILURE, t, t, OperatorCode.TIMEOUT, "no answer"),
                new MeterEvent(m, MeterEvent.Kind.CLOCK, t, t.plusNanos(1), null, "")));
    assertThat(codec.decode(codec.encode(b))).isEqualTo(b);
  }

  @Test
  void jsonLooksAsDocumented() {
    MeterId m = MeterId.of("KFM_1001");
    EventBatch b =
        new EventBatch(
            m,
            List.of(
                new MeterEvent(
                    m,
                    MeterEvent.Kind.GAP,
                    Instant.parse("2024-03-01T00:15:00Z"),
                    Instant.parse("2024-03-01T01:00:00Z"),
                    OperatorCode.PROFILE_ENTRY_MISSING,
                    "3 intervals missing")));
    assertThat(new String(codec.encode(b), StandardCharsets.UTF_8)).isEqualTo(message(GOOD_EVENT));
    assertThat(codec.decode(utf8(message(GOOD_EVENT)))).isEqualTo(b);
  }

  @Test
  void acceptsAnAbsentOrNullCode() {
    String noCode = GOOD_EVENT.replace(",\"code\":\"PROFILE_ENTRY_MISSING\"", "");
    String nullCode = GOOD_EVENT.replace("\"PROFILE_ENTRY_MISSING\"", "null");
    assertThat(codec.decode(utf8(message(noCode))).events().get(0).code()).isNull();
    assertThat(codec.decode(utf8(message(nullCode))).events().get(0).code()).isNull();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"schema\":2,\"meter\":\"M\",\"events\":[]}|schema: version 2 is unknown (this reader knows events version 1)",
        "{\"schema\":\"1\",\"meter\":\"M\",\"events\":[]}|schema: must be an integer, got \"1\"",
        "{\"schema\":99999999999999999999999,\"meter\":\"M\",\"events\":[]}|schema: version 99999999999999999999999 is unknown (this reader knows events version 1)",
        "{\"meter\":\"M\",\"events\":[]}|schema: missing",
        "{\"schema\":1,\"events\":[]}|meter: missing",
        "{\"schema\":1,\"meter\":7,\"events\":[]}|meter: must be a string, got number",
        "{\"schema\":1,\"meter\":\"a/b\",\"events\":[]}|meter: 'a/b' is invalid (meter id 'a/b' is invalid: use 1 to 64 letters, digits, '.', '_', ':' or '-')",
        "{\"schema\":1,\"meter\":\"M\"}|events: missing",
        "{\"schema\":1,\"meter\":\"M\",\"events\":{}}|events: must be an array, got object",
        "{\"schema\":1,\"meter\":\"M\",\"events\":[]}|events: empty (a message carries at least one event)",
        "{\"schema\":1,\"meter\":\"M\",\"events\":[1]}|events[0]: must be an object, got number",
        "{\"schema\":1,\"meter\":\"M\",\"events\":[],\"extra\":1}|extra: unknown field (events schema 1 allows [events, meter, schema])",
        "[1,2]|JSON: top level must be an object",
        "{\"schema\":1,\"schema\":1}|JSON: Duplicate field 'schema'",
      })
  void rejectsMalformedMessagesNamingTheField(String json, String reason) {
    assertThatThrownBy(() -> codec.decode(utf8(json)))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageStartingWith(reason);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"kind\":\"GAP\"|\"kind\":\"EARTHQUAKE\"|events[0].kind: 'EARTHQUAKE' is invalid (not one of [GAP, OUTAGE, READ_FAILURE, HARDWARE_FAULT, VALIDATION, CLOCK])",
        "\"kind\":\"GAP\"|\"kind\":\"gap\"|events[0].kind: 'gap' is invalid",
        "\"kind\":\"GAP\",|''|events[0].kind: missing",
        "\"start\":\"2024-03-01T00:15:00Z\"|\"start\":\"yesterday\"|events[0].start: 'yesterday' is invalid",
        "\"start\":\"2024-03-01T00:15:00Z\"|\"start\":1709252100|events[0].start: must be a string, got number",
        "\"end\":\"2024-03-01T01:00:00Z\"|\"end\":\"2024-03-01T00:00:00Z\"|events[0].end: 2024-03-01T00:00:00Z is before start 2024-03-01T00:15:00Z",
        "\"end\":\"2024-03-01T01:00:00Z\"|\"end\":null|events[0].end: missing",
        "\"PROFILE_ENTRY_MISSING\"|\"0x09\"|events[0].code: '0x09' is invalid (not one of [HARDWARE_FAULT,",
        "\"PROFILE_ENTRY_MISSING\"|9|events[0].code: must be a string or null, got number",
        "\"detail\":\"3 intervals missing\"|\"detail\":[]|events[0].detail: must be a string, got array",
        "\"detail\":\"3 intervals missing\"|\"detail\":\"x\",\"meter\":\"M2\"|events[0].meter: unknown field (events schema 1 allows [code, detail, end, kind, start])",
        ",\"detail\":\"3 intervals missing\"|''|events[0].detail: missing",
      })
  void rejectsMalformedEventsNamingTheField(String replace, String with, String reason) {
    String json = message(GOOD_EVENT + "," + GOOD_EVENT.replace(replace, with));
    assertThatThrownBy(() -> codec.decode(utf8(json)))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageStartingWith(reason.replace("events[0]", "events[1]"));
  }

  @Test
  void rejectsTrailingContentAndTruncation() {
    String good = message(GOOD_EVENT);
    assertThatThrownBy(() -> codec.decode(utf8(good + "{}")))
        .hasMessageStartingWith("JSON: Trailing token");
    for (int cut = 1; cut < good.length(); cut++) {
      byte[] part = utf8(good.substring(0, cut));
      assertThat(catchThrowable(() -> codec.decode(part)))
          .as("cut at %d", cut)
          .isInstanceOf(MalformedMessageException.class)
          .hasMessageStartingWith("JSON: ");
    }
  }

  @Test
  void rejectsEmptyOversizedAndNonUtf8PayloadsBeforeParsing() {
    EventCodec small = new EventCodec(256);
    assertThatThrownBy(() -> small.decode(new byte[0])).hasMessage("payload: empty message");
    assertThatThrownBy(() -> small.decode(new byte[257]))
        .hasMessage("payload: 257 bytes exceeds the limit of 256 bytes");
    byte[] latin1 =
        message(GOOD_EVENT.replace("3 intervals", "3 \u00e9"))
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> codec.decode(latin1))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("Invalid UTF-8");
  }

  @Test
  void rejectsDeepNestingWithoutOverflowingTheStack() {
    String deep =
        "{\"schema\":1,\"meter\":\"M\",\"events\":[" + "[".repeat(5000) + "]".repeat(5000) + "]}";
    assertThatThrownBy(() -> codec.decode(utf8(deep)))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void refusesToEncodeEventsAboveTheLimit() {
    MeterId m = MeterId.of("M");
    Instant t = Instant.parse("2024-03-01T00:00:00Z");
    EventBatch big =
        new EventBatch(
            m, List.of(new MeterEvent(m, MeterEvent.Kind.GAP, t, t, null, "x".repeat(300))));
    assertThatThrownBy(() -> new EventCodec(256).encode(big))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageStartingWith("events of meter M: encoded size ")
        .hasMessageEndingWith(
            "bytes exceeds the limit of 256 bytes; send fewer events per message");
  }

  @Test
  void batchOfOneMeterRefusesAnotherMetersEvent() {
    List<MeterEvent> two = Events.of(2, 1);
    assertThatThrownBy(() -> new EventBatch(MeterId.of("E0000000"), two))
        .hasMessage("events[1].meter: E0000001 is not the batch's meter E0000000");
    assertThatThrownBy(() -> new EventBatch(MeterId.of("E0000000"), List.of()))
        .hasMessage("events of meter E0000000: empty");
  }

  @Test
  void byMeterGroupsKeepingEachMetersOrderAndSplitsLongRuns() {
    List<MeterEvent> mixed = new java.util.ArrayList<>(Events.of(3, 5));
    java.util.Collections.reverse(mixed);
    List<EventBatch> batches = EventBatch.byMeter(mixed, 2);
    assertThat(batches)
        .extracting(b -> b.meter().value() + ":" + b.events().size())
        .containsExactly(
            "E0000002:2",
            "E0000002:2",
            "E0000002:1",
            "E0000001:2",
            "E0000001:2",
            "E0000001:1",
            "E0000000:2",
            "E0000000:2",
            "E0000000:1");
    assertThat(batches.stream().flatMap(b -> b.events().stream()).toList())
        .containsExactlyInAnyOrderElementsOf(mixed);
    assertThat(batches.get(0).events().get(0)).isEqualTo(mixed.get(0));
  }

  @Property(tries = 300)
  void decoderNeverFailsOtherwiseThanMalformed(
      @ForAll byte[] noise, @ForAll @IntRange(min = 0, max = 400) int at) {
    byte[] good = codec.encode(new EventBatch(MeterId.of("E0000000"), Events.of(1, 6)));
    byte[] mutated = good.clone();
    for (int i = 0; i < noise.length && at + i < mutated.length; i++) {
      mutated[at + i] = noise[i];
    }
    for (byte[] input : List.of(noise, mutated)) {
      Throwable t = catchThrowable(() -> codec.decode(input));
      if (t != null) {
        assertThat(t).isInstanceOf(MalformedMessageException.class);
      }
    }
  }
}
