package io.loadlens.store;

import static io.loadlens.store.Fixtures.ENERGY;
import static io.loadlens.store.Fixtures.at;
import static io.loadlens.store.Fixtures.batch;
import static io.loadlens.store.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.EstimationMethod;
import io.loadlens.model.IntervalSeries;
import io.loadlens.model.MeterEvent;
import io.loadlens.model.MeterId;
import io.loadlens.model.MeterInfo;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import io.loadlens.model.ProfileStatus;
import io.loadlens.model.Quality;
import io.loadlens.model.ReadingBatch;
import io.loadlens.model.Unit;
import io.loadlens.model.ValidatedSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link Store} implementation must have; run against each backend. */
abstract class StoreContractTest {
  static final MeterId A = MeterId.of("meter-a");
  static final MeterId B = MeterId.of("meter-b");

  protected Store store;

  /** A new, empty store. */
  protected abstract Store openEmpty() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openEmpty();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void ingestsNewRowsAndCountsThem() {
    IngestResult r = store.ingest(List.of(batch(series("meter-a", 0, 96))));
    assertThat(r).isEqualTo(new IngestResult(96, 96, 0, 0));
    assertThat(store.rawRowCount()).isEqualTo(96);
    assertThat(store.channels(A)).containsExactly(ENERGY);
  }

  @Test
  void reSentBatchAddsNothingAndCountsDuplicates() {
    ReadingBatch b = batch(series("meter-a", 0, 96));
    store.ingest(List.of(b));
    IngestResult again = store.ingest(List.of(b, b));
    assertThat(again).isEqualTo(new IngestResult(192, 0, 192, 0));
    assertThat(store.rawRowCount()).isEqualTo(96);
  }

  @Test
  void overlappingBatchInsertsOnlyTheNewRows() {
    store.ingest(List.of(batch(series("meter-a", 0, 10))));
    IngestResult r = store.ingest(List.of(batch(series("meter-a", 5, 10))));
    assertThat(r).isEqualTo(new IngestResult(10, 5, 5, 0));
    assertThat(store.readRaw(A, ENERGY, null, null).size()).isEqualTo(15);
  }

  @Test
  void reSentRowWithDifferentValueIsRecordedAsConflictAndRawIsUntouched() {
    store.ingest(List.of(batch(series("meter-a", 0, 4))));
    IntervalSeries changed =
        IntervalSeries.of(
            A, ENERGY, Unit.WATT_HOUR, new long[] {at(1).getEpochSecond()}, new double[] {999});
    IngestResult r = store.ingest(List.of(batch(changed)));
    assertThat(r).isEqualTo(new IngestResult(1, 0, 0, 1));
    assertThat(store.readRaw(A, ENERGY, at(1), at(2)).values())
        .containsExactly(Fixtures.value("meter-a", 1));
    List<Conflict> conflicts = store.conflicts(A);
    assertThat(conflicts).hasSize(1);
    assertThat(conflicts.get(0).timestamp()).isEqualTo(at(1));
    assertThat(conflicts.get(0).storedValue()).isEqualTo(Fixtures.value("meter-a", 1));
    assertThat(conflicts.get(0).offeredValue()).isEqualTo(999);
    store.ingest(List.of(batch(changed)));
    assertThat(store.conflicts(A)).as("the same conflict re-sent is kept once").hasSize(1);
  }

  @Test
  void conflictWithinOneCallKeepsTheFirstValueAndRecordsTheSecond() {
    IntervalSeries other =
        IntervalSeries.of(
            A, ENERGY, Unit.WATT_HOUR, new long[] {at(0).getEpochSecond()}, new double[] {-5});
    IngestResult r = store.ingest(List.of(batch(series("meter-a", 0, 2)), batch(other)));
    assertThat(r).isEqualTo(new IngestResult(3, 2, 0, 1));
    assertThat(store.conflicts(A)).extracting(Conflict::offeredValue).containsExactly(-5.0);
  }

  @Test
  void statusWithCriticalErrorOrDataNotValidIsStoredSuspect() {
    long[] t = {at(0).getEpochSecond(), at(1).getEpochSecond(), at(2).getEpochSecond()};
    int[] status = {0, ProfileStatus.CRITICAL_ERROR, ProfileStatus.DATA_NOT_VALID};
    store.ingest(
        List.of(batch(new IntervalSeries(A, ENERGY, Unit.WATT_HOUR, t, new double[3], status))));
    List<Quality> q = new ArrayList<>();
    store.exportValues(new ExportFilter(A, null, null, false), v -> q.add(v.quality()));
    assertThat(q).containsExactly(Quality.VALID, Quality.SUSPECT, Quality.SUSPECT);
    assertThat(store.readRaw(A, ENERGY, null, null).status()).containsExactly(status);
  }

  @Test
  void lastCaptureTimeIsTheLatestStoredTime() {
    assertThat(store.lastCaptureTime(A, ENERGY)).isEmpty();
    store.ingest(List.of(batch(series("meter-a", 10, 5)), batch(series("meter-b", 0, 3))));
    store.ingest(List.of(batch(series("meter-a", 0, 5))));
    assertThat(store.lastCaptureTime(A, ENERGY)).contains(at(14));
    assertThat(store.lastCaptureTimes(ENERGY)).isEqualTo(Map.of(A, at(14), B, at(2)));
    assertThat(store.lastCaptureTime(A, ObisCode.VOLTAGE_L1)).isEmpty();
  }

  @Test
  void readRawRangeIsHalfOpenAndSorted() {
    store.ingest(List.of(batch(series("meter-a", 50, 50))));
    store.ingest(List.of(batch(series("meter-a", 0, 50))));
    IntervalSeries s = store.readRaw(A, ENERGY, at(10), at(20));
    assertThat(s.size()).isEqualTo(10);
    assertThat(s.time(0)).isEqualTo(at(10));
    assertThat(s.time(9)).isEqualTo(at(19));
    assertThat(s.unit()).isEqualTo(Unit.WATT_HOUR);
    assertThat(store.readRaw(A, ENERGY, at(0), at(100))).isEqualTo(series("meter-a", 0, 100));
    assertThat(store.readRaw(A, ENERGY, at(20), at(20)).isEmpty()).isTrue();
    assertThat(store.readRaw(B, ENERGY, at(0), at(100)).isEmpty()).isTrue();
  }

  static ValidatedSeries validated(MeterId m, int first, int n, double add, String version) {
    long[] t = new long[n];
    double[] v = new double[n];
    Quality[] q = new Quality[n];
    EstimationMethod[] meth = new EstimationMethod[n];
    for (int i = 0; i < n; i++) {
      t[i] = at(first + i).getEpochSecond();
      v[i] = i + add;
      q[i] = i % 3 == 0 ? Quality.ESTIMATED : Quality.VALID;
      meth[i] = i % 3 == 0 ? EstimationMethod.INTERPOLATED : null;
    }
    q[n - 1] = Quality.MISSING;
    v[n - 1] = Double.NaN;
    return new ValidatedSeries(m, ENERGY, Unit.WATT_HOUR, 900, t, v, q, meth, new long[n], version);
  }

  @Test
  void replaceValidatedIsIdempotentAndLeavesRawAlone() {
    store.ingest(List.of(batch(series("meter-a", 0, 10))));
    ValidatedSeries v = validated(A, 0, 10, 0.5, "1");
    store.replaceValidated(v);
    store.replaceValidated(v);
    assertThat(store.readValidated(A, ENERGY, at(0), at(10))).contains(v);
    ValidatedSeries part = validated(A, 2, 3, 100, "2");
    store.replaceValidated(part);
    ValidatedSeries all = store.readValidated(A, ENERGY, at(0), at(10)).orElseThrow();
    assertThat(all.size()).isEqualTo(10);
    assertThat(all.values()[2]).isEqualTo(100);
    assertThat(all.values()[5]).isEqualTo(5.5);
    assertThat(store.readRaw(A, ENERGY, null, null)).isEqualTo(series("meter-a", 0, 10));
    assertThat(store.readValidated(B, ENERGY, at(0), at(10))).isEmpty();
  }

  @Test
  void replacingManySeriesAtOnceEqualsReplacingThemOneByOne() {
    ValidatedSeries a = validated(A, 0, 10, 0.5, "1");
    ValidatedSeries b = validated(B, 0, 10, 7, "1");
    store.replaceValidated(List.of(a, b));
    store.replaceValidated(List.of(a, b));
    assertThat(store.readValidated(A, ENERGY, at(0), at(10))).contains(a);
    assertThat(store.readValidated(B, ENERGY, at(0), at(10))).contains(b);
    assertThat(store.readValidated(A, ENERGY, at(0), at(10)).orElseThrow().values()[9]).isNaN();
    IntervalSeries sum = store.aggregate(ENERGY, at(0), at(10), Duration.ofMinutes(150));
    assertThat(sum.values()[0]).isFinite();
  }

  @Test
  void aSeriesGivenTwiceInOneReplaceCallEndsAsTheLaterOneWhereTheyOverlap() {
    ValidatedSeries first = validated(A, 0, 10, 0.5, "1");
    ValidatedSeries later = validated(A, 5, 10, 9, "2");
    ValidatedSeries other = validated(B, 0, 4, 3, "1");
    store.replaceValidated(List.of(first, other, later));
    ValidatedSeries a = store.readValidated(A, ENERGY, null, null).orElseThrow();
    assertThat(a.size()).isEqualTo(15);
    assertThat(a.values()[4]).isEqualTo(4.5);
    assertThat(a.values()[5]).isEqualTo(9);
    assertThat(a.veeVersion()).isEqualTo("2");
    assertThat(store.readValidated(B, ENERGY, null, null)).contains(other);
  }

  @Test
  void validatedSeriesOfAChannelWithoutRawRowsIsReadBackButIsNoRawChannel() {
    ValidatedSeries v = validated(A, 0, 6, 1, "1");
    store.replaceValidated(v);
    assertThat(store.readValidated(A, ENERGY, null, null)).contains(v);
    assertThat(store.channels(A)).isEmpty();
    assertThat(store.lastCaptureTime(A, ENERGY)).isEmpty();
    assertThat(store.readRaw(A, ENERGY, null, null).isEmpty()).isTrue();
    store.ingest(List.of(batch(series("meter-a", 2, 3))));
    assertThat(store.channels(A)).containsExactly(ENERGY);
    assertThat(store.lastCaptureTime(A, ENERGY)).contains(at(4));
    assertThat(store.readRaw(A, ENERGY, null, null)).isEqualTo(series("meter-a", 2, 3));
  }

  @Test
  void channelsAndLastCapturesFollowEveryIngest() {
    ObisCode volts = ObisCode.parse("1-0:32.7.0.255");
    store.ingest(List.of(batch(series("meter-a", 0, 4))));
    assertThat(store.channels(A)).containsExactly(ENERGY);
    IntervalSeries v =
        IntervalSeries.of(
            A, volts, Unit.VOLT, new long[] {at(9).getEpochSecond()}, new double[] {230});
    store.ingest(List.of(batch(v), batch(series("meter-b", 3, 2))));
    assertThat(store.channels(A)).containsExactly(ENERGY, volts);
    assertThat(store.channels(B)).containsExactly(ENERGY);
    assertThat(store.lastCaptureTimes(ENERGY)).isEqualTo(Map.of(A, at(3), B, at(4)));
    assertThat(store.lastCaptureTimes(volts)).isEqualTo(Map.of(A, at(9)));
    assertThat(store.readRaw(A, volts, null, null).unit()).isEqualTo(Unit.VOLT);
    assertThat(store.channels(MeterId.of("meter-z"))).isEmpty();
  }

  @Test
  void editsOfAMeterWithoutEditsAreEmptyAndAppearOnceRecorded() {
    store.replaceValidated(validated(A, 0, 4, 0, "1"));
    assertThat(store.edits(A)).isEmpty();
    store.recordEdit(new ManualEdit(A, ENERGY, at(2), 5, "ann", "fix", at(100)));
    assertThat(store.edits(A)).hasSize(1);
    assertThat(store.readValidated(A, ENERGY, null, null).orElseThrow().values()[2]).isEqualTo(5);
    assertThat(store.edits(B)).isEmpty();
  }

  @Test
  void manyInsightsAreStoredTogetherAndReplaceEarlierOnes() {
    Instant t = Instant.parse("2026-02-01T00:00:00Z");
    store.putInsight("meter-a", "consumer", "{\"v\":1}", t);
    store.putInsights(
        List.of(
            new InsightRecord("meter-a", "consumer", "{\"v\":2}", t.plusSeconds(1)),
            new InsightRecord("meter-b", "consumer", "{\"v\":3}", t.plusSeconds(1))));
    assertThat(store.insight("meter-a", "consumer").orElseThrow().json()).isEqualTo("{\"v\":2}");
    assertThat(store.insight("meter-b", "consumer").orElseThrow().json()).isEqualTo("{\"v\":3}");
    assertThat(store.insights("meter-a")).hasSize(1);
  }

  @Test
  void latestManualEditIsAppliedToTheValidatedSeries() {
    store.replaceValidated(validated(A, 0, 4, 0, "1"));
    Instant t1 = Instant.parse("2026-02-01T00:00:00Z");
    store.recordEdit(new ManualEdit(A, ENERGY, at(1), 42, "ann", "meter swap", t1));
    store.recordEdit(new ManualEdit(A, ENERGY, at(1), 43, "bob", "typo", t1.plusSeconds(60)));
    ValidatedSeries s = store.readValidated(A, ENERGY, at(0), at(4)).orElseThrow();
    assertThat(s.values()[1]).isEqualTo(43);
    assertThat(s.quality()[1]).isEqualTo(Quality.EDITED);
    assertThat(s.method()[1]).isEqualTo(EstimationMethod.MANUAL);
    assertThat(s.quality()[0]).isEqualTo(Quality.ESTIMATED);
    assertThat(store.edits(A)).extracting(ManualEdit::user).containsExactly("ann", "bob");
    assertThat(store.edits(A).get(1).editedAt()).isEqualTo(t1.plusSeconds(60));
  }

  @Test
  void aggregateSumsValidatedValuesPerBucket() {
    store.replaceValidated(validated(A, 0, 8, 1, "1"));
    store.replaceValidated(validated(B, 0, 8, 1, "1"));
    IntervalSeries hourly = store.aggregate(ENERGY, at(0), at(8), Duration.ofHours(1));
    assertThat(hourly.epochSeconds())
        .containsExactly(at(0).getEpochSecond(), at(4).getEpochSecond());
    // meter values i + 1 for i = 0..6 (row 7 is MISSING): 1+2+3+4 and 5+6+7, two meters
    assertThat(hourly.values()).containsExactly(20.0, 36.0);
  }

  @Test
  void meterRegistryUpsertsAndReadsBack() {
    MeterInfo a =
        new MeterInfo(
            A, "north", "F1", "T7", 17.5, ZoneId.of("Europe/Berlin"), Map.of("tariff", "ht"));
    store.upsertMeters(List.of(a, MeterInfo.of(B, ZoneId.of("UTC"))));
    assertThat(store.meters()).hasSize(2);
    assertThat(store.meter(A)).contains(a);
    MeterInfo moved = new MeterInfo(A, "south", "F2", "", 0, ZoneId.of("UTC"), Map.of());
    store.upsertMeters(List.of(moved));
    assertThat(store.meter(A)).contains(moved);
    assertThat(store.meter(MeterId.of("nobody"))).isEmpty();
  }

  @Test
  void eventsAreStoredOnceAndFoundByOverlap() {
    MeterEvent gap =
        new MeterEvent(
            A, MeterEvent.Kind.GAP, at(4), at(8), OperatorCode.PROFILE_ENTRY_MISSING, "4 missing");
    MeterEvent point = new MeterEvent(B, MeterEvent.Kind.CLOCK, at(10), at(10), null, "");
    store.recordEvents(List.of(gap, point));
    store.recordEvents(List.of(gap));
    assertThat(store.events(A, at(0), at(5))).containsExactly(gap);
    assertThat(store.events(A, at(8), at(20))).isEmpty();
    assertThat(store.events(at(0), at(20), 10)).containsExactly(gap, point);
    assertThat(store.events(at(0), at(20), 1)).containsExactly(gap);
    assertThat(store.events(at(10), at(11), 10)).containsExactly(point);
    assertThat(store.events(at(11), at(12), 10)).isEmpty();
  }

  @Test
  void recentErrorsComeNewestFirstAndCountsGroupByCodeOrElseKind() {
    MeterEvent a1 =
        new MeterEvent(A, MeterEvent.Kind.READ_FAILURE, at(1), at(1), OperatorCode.TIMEOUT, "t");
    MeterEvent b1 =
        new MeterEvent(B, MeterEvent.Kind.READ_FAILURE, at(3), at(3), OperatorCode.TIMEOUT, "t");
    MeterEvent a2 =
        new MeterEvent(
            A, MeterEvent.Kind.HARDWARE_FAULT, at(5), at(5), OperatorCode.HARDWARE_FAULT, "h");
    MeterEvent b2 = new MeterEvent(B, MeterEvent.Kind.CLOCK, at(6), at(6), null, "");
    MeterEvent late =
        new MeterEvent(A, MeterEvent.Kind.READ_FAILURE, at(30), at(30), OperatorCode.TIMEOUT, "");
    store.recordEvents(List.of(a1, b1, a2, b2, late));

    assertThat(store.recentErrors(at(0), at(20), 10)).containsExactly(a2, b1, a1);
    assertThat(store.recentErrors(at(0), at(20), 1)).containsExactly(a2);
    assertThat(store.eventCounts(at(0), at(20)))
        .containsExactlyInAnyOrder(
            new EventCount(OperatorCode.TIMEOUT, null, 2, 2, at(3)),
            new EventCount(OperatorCode.HARDWARE_FAULT, null, 1, 1, at(5)),
            new EventCount(null, MeterEvent.Kind.CLOCK, 1, 1, at(6)));
    assertThat(store.eventCounts(at(20), at(21))).isEmpty();
  }

  @Test
  void latestEventsKeepTheNewestOfEachMeterAmongTheKindsAskedFor() {
    MeterEvent a1 =
        new MeterEvent(A, MeterEvent.Kind.READ_FAILURE, at(1), at(1), OperatorCode.TIMEOUT, "t");
    MeterEvent a2 =
        new MeterEvent(
            A, MeterEvent.Kind.HARDWARE_FAULT, at(5), at(5), OperatorCode.HARDWARE_FAULT, "h");
    MeterEvent aGap =
        new MeterEvent(
            A, MeterEvent.Kind.GAP, at(7), at(9), OperatorCode.PROFILE_ENTRY_MISSING, "");
    MeterEvent b1 =
        new MeterEvent(B, MeterEvent.Kind.READ_FAILURE, at(3), at(3), OperatorCode.TIMEOUT, "t");
    MeterEvent bClock = new MeterEvent(B, MeterEvent.Kind.CLOCK, at(6), at(6), null, "");
    MeterEvent late =
        new MeterEvent(A, MeterEvent.Kind.READ_FAILURE, at(30), at(30), OperatorCode.TIMEOUT, "");
    store.recordEvents(List.of(a1, a2, aGap, b1, bClock, late));
    Set<MeterEvent.Kind> failures =
        Set.of(MeterEvent.Kind.READ_FAILURE, MeterEvent.Kind.HARDWARE_FAULT);

    assertThat(store.latestEvents(at(0), at(20), failures)).containsExactly(a2, b1);
    assertThat(store.latestEvents(at(0), at(20), Set.of(MeterEvent.Kind.READ_FAILURE)))
        .containsExactly(b1, a1);
    assertThat(
            store.latestEvents(at(0), at(20), Set.of(MeterEvent.Kind.GAP, MeterEvent.Kind.CLOCK)))
        .containsExactly(aGap, bClock);
    assertThat(store.latestEvents(at(0), at(40), failures)).containsExactly(late, b1);
    assertThat(store.latestEvents(at(0), at(20), Set.of())).isEmpty();
  }

  @Test
  void anEventRepeatedWithinOneCallIsStoredOnceWithItsFirstDetailAndExactTimes() {
    Instant start = at(4).plusNanos(123_456_000);
    MeterEvent first = new MeterEvent(A, MeterEvent.Kind.GAP, start, at(8), null, "first");
    MeterEvent again = new MeterEvent(A, MeterEvent.Kind.GAP, start, at(8), null, "second");
    List<MeterEvent> many = new ArrayList<>(List.of(first, again));
    for (int i = 0; i < 200; i++) {
      many.add(new MeterEvent(B, MeterEvent.Kind.CLOCK, at(i), at(i), null, "n" + i));
    }
    store.recordEvents(many);
    assertThat(store.events(A, at(0), at(20))).containsExactly(first);
    assertThat(store.events(B, at(0), at(200))).hasSize(200);
  }

  @Test
  void insightIsReplacedOnPut() {
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    store.putInsight("meter-a", "summary", "{\"v\":1}", t);
    store.putInsight("meter-a", "summary", "{\"v\":2}", t.plusSeconds(1));
    store.putInsight("meter-a", "peaks", "[]", t);
    assertThat(store.insight("meter-a", "summary"))
        .contains(new InsightRecord("meter-a", "summary", "{\"v\":2}", t.plusSeconds(1)));
    assertThat(store.insights("meter-a"))
        .extracting(InsightRecord::kind)
        .containsExactly("peaks", "summary");
    assertThat(store.insight("fleet", "summary")).isEmpty();
  }

  @Test
  void deadLettersKeepPayloadAndReasonNewestFirst() {
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    store.recordDeadLetter(t, "mqtt/a", "bad json at byte 3", new byte[] {1, 2, 3});
    store.recordDeadLetter(t.plusSeconds(5), "mqtt/b", "unknown meter", new byte[0]);
    List<DeadLetter> d = store.deadLetters(10);
    assertThat(d).extracting(DeadLetter::source).containsExactly("mqtt/b", "mqtt/a");
    assertThat(d.get(1).payload()).containsExactly(1, 2, 3);
    assertThat(d.get(1).reason()).isEqualTo("bad json at byte 3");
    assertThat(store.deadLetters(1)).hasSize(1);
  }

  @Test
  void exportListsRawThenEstimatedValuesWithQualityAndMethod() {
    store.ingest(List.of(batch(series("meter-a", 0, 3)), batch(series("meter-b", 0, 3))));
    store.replaceValidated(validated(A, 0, 3, 0, "7"));
    List<StoredValue> out = new ArrayList<>();
    store.exportValues(new ExportFilter(A, at(0), at(3), true), out::add);
    assertThat(out).hasSize(4);
    assertThat(out.get(0).quality()).isEqualTo(Quality.VALID);
    assertThat(out.get(1).quality()).isEqualTo(Quality.ESTIMATED);
    assertThat(out.get(1).method()).isEqualTo(EstimationMethod.INTERPOLATED);
    assertThat(out.get(1).source()).isEqualTo("vee:7");
    assertThat(out.get(1).epochSecond()).isEqualTo(out.get(0).epochSecond());
  }

  @Test
  void rowsOfManyMetersAndChannelsInOneCall() {
    List<ReadingBatch> batches = new ArrayList<>();
    for (int m = 0; m < 20; m++) {
      IntervalSeries s = series("m" + m, 0, 50);
      IntervalSeries volts =
          IntervalSeries.of(
              s.meter(), ObisCode.VOLTAGE_L1, Unit.VOLT, s.epochSeconds(), s.values());
      batches.add(new ReadingBatch(UUID.randomUUID(), s.meter(), "dlms", at(0), List.of(s, volts)));
    }
    assertThat(store.ingest(batches).inserted()).isEqualTo(2000);
    assertThat(store.readRaw(MeterId.of("m7"), ObisCode.VOLTAGE_L1, null, null).unit())
        .isEqualTo(Unit.VOLT);
    assertThat(store.channels(MeterId.of("m7"))).containsExactly(ENERGY, ObisCode.VOLTAGE_L1);
  }

  @Test
  void csvExportThenImportRoundTripsRawValues(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    long[] t = {at(0).getEpochSecond(), at(1).getEpochSecond(), at(2).getEpochSecond()};
    store.ingest(
        List.of(
            batch(
                new IntervalSeries(
                    A,
                    ENERGY,
                    Unit.WATT_HOUR,
                    t,
                    new double[] {1.5, 0.001, 123456.25},
                    new int[] {0, ProfileStatus.DATA_NOT_VALID, 0})),
            batch(series("meter-b", 0, 50))));
    store.replaceValidated(validated(A, 0, 3, 0, "1"));
    Path csv = dir.resolve("out.csv");
    long written = new Exporter(store).export(ExportFilter.all(), Exporter.Format.CSV, csv);
    assertThat(written).isEqualTo(54);
    List<String> lines = java.nio.file.Files.readAllLines(csv);
    assertThat(lines.get(0)).startsWith("meter_id,obis,timestamp,value,unit,quality,");
    assertThat(lines.get(1))
        .isEqualTo("meter-a,1-0:1.29.0.255,2026-01-01T00:00:00Z,1.5,Wh,VALID,,test");
    assertThat(lines.get(2))
        .isEqualTo("meter-a,1-0:1.29.0.255,2026-01-01T00:00:00Z,0,Wh,ESTIMATED,INTERPOLATED,vee:1");

    try (Store copy = openEmpty()) {
      ImportReport r =
          new CsvImporter(copy, ColumnMapping.loadlensExport(), java.time.Clock.systemUTC())
              .importFile(csv);
      assertThat(r.rowsRead()).isEqualTo(54);
      assertThat(r.skipped()).isEqualTo(1);
      assertThat(r.valuesStored()).isEqualTo(53);
      assertThat(r.rejected()).isZero();
      assertThat(copy.readRaw(A, ENERGY, null, null))
          .isEqualTo(store.readRaw(A, ENERGY, null, null));
      assertThat(copy.readRaw(B, ENERGY, null, null))
          .isEqualTo(store.readRaw(B, ENERGY, null, null));
    }
  }

  @Test
  void parquetExportHoldsEveryValueWithTimestamps(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    store.ingest(List.of(batch(series("meter-a", 0, 10)), batch(series("meter-b", 0, 10))));
    Path pq = dir.resolve("out.parquet");
    long n =
        new Exporter(store)
            .export(new ExportFilter(A, at(2), at(7), true), Exporter.Format.PARQUET, pq);
    assertThat(n).isEqualTo(5);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT count(*), min(epoch(\"timestamp\")), sum(value), min(meter_id) FROM '"
                    + pq
                    + "'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(5);
      assertThat(rs.getLong(2)).isEqualTo(at(2).getEpochSecond());
      double expected = 0;
      for (int i = 2; i < 7; i++) {
        expected += Fixtures.value("meter-a", i);
      }
      assertThat(rs.getDouble(3)).isEqualTo(expected);
      assertThat(rs.getString(4)).isEqualTo("meter-a");
    }
  }

  @Test
  void concurrentOverlappingIngestsStoreEveryRowOnce() throws Exception {
    int threads = 4;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<IngestResult>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int shift = t;
        results.add(
            pool.submit(
                () -> {
                  IngestResult sum = IngestResult.NONE;
                  for (int b = 0; b < 10; b++) {
                    sum =
                        sum.plus(
                            store.ingest(List.of(batch(series("meter-c", (b + shift) * 20, 40)))));
                  }
                  return sum;
                }));
      }
      long inserted = 0;
      for (var f : results) {
        IngestResult r = f.get();
        assertThat(r.conflicts()).isZero();
        inserted += r.inserted();
      }
      // windows [(b + t) * 20, (b + t) * 20 + 40) for b < 10, t < 4 cover intervals 0..279
      assertThat(inserted).isEqualTo(280);
      assertThat(store.readRaw(MeterId.of("meter-c"), ENERGY, null, null))
          .isEqualTo(series("meter-c", 0, 280));
    } finally {
      pool.shutdownNow();
    }
  }
}
