package io.loadlens.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.model.MeterId;
import io.loadlens.server.testing.InMemoryStore;
import io.loadlens.server.testing.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void meterReportIsSelfContainedWithDataAndChartLibraryInlined(@TempDir Path out)
      throws Exception {
    InMemoryStore store = new InMemoryStore();
    SampleData.fill(store, 2, 20);
    Path index = new ReportWriter(store, CLOCK).writeMeter(MeterId.of("MTR0002"), out);
    String html = Files.readString(index);
    assertThat(index.getFileName().toString()).isEqualTo("index.html");
    assertThat(html).contains("uPlot").contains("LL.loadProfile").contains("\"kind\":\"meter\"");
    assertThat(html).contains("\"source\":\"validated\"").contains("heat pump");
    assertThat(html)
        .doesNotContain("src=\"http")
        .doesNotContain("href=\"http")
        .doesNotContain("<script src=");
    assertThat(html).doesNotContain("MTR0001");
  }

  @Test
  void fleetReportCarriesOverviewAggregateAndFleetInsights(@TempDir Path out) throws Exception {
    InMemoryStore store = new InMemoryStore();
    SampleData.fill(store, 3, 10);
    String html = Files.readString(new ReportWriter(store, CLOCK).writeFleet(out));
    assertThat(html)
        .contains("\"kind\":\"fleet\"")
        .contains("\"coincidentPeak\"")
        .contains("evening peakers");
  }

  @Test
  void embeddedJsonCannotCloseTheScriptElement(@TempDir Path out) throws Exception {
    InMemoryStore store = new InMemoryStore();
    SampleData.fill(store, 1, 2);
    store.putInsight(
        "MTR0001", "note", "{\"text\":\"</script><script>alert(1)</script>\"}", Instant.EPOCH);
    String html =
        Files.readString(new ReportWriter(store, CLOCK).writeMeter(MeterId.of("MTR0001"), out));
    assertThat(html).doesNotContain("</script><script>alert(1)");
  }
}
