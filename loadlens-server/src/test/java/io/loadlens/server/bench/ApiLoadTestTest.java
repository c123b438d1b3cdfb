package io.loadlens.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiLoadTestTest {

  static ApiLoadTest.Target target(String uri) throws Exception {
    return new ApiLoadTest.Target(
        URI.create(uri), SSLContext.getDefault(), "llt_x.y", () -> 0L, () -> 0L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://10.0.0.1:8443",
        "https://192.168.1.5",
        "https://example.org",
        "https://8.8.8.8"
      })
  void refusesEveryTargetThatIsNotLoopback(String uri) {
    assertThatThrownBy(() -> target(uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://127.0.0.1:8443", "https://localhost:1", "https://[::1]:8443"})
  void acceptsLoopbackTargets(String uri) throws Exception {
    assertThat(target(uri).base()).isEqualTo(URI.create(uri));
  }

  @Test
  void bodyCheckRejectsAnAnswerWhoseColumnsDoNotMatchItsCount() {
    ApiLoadTest.check("ok", "{\"count\":2,\"t\":[1,2],\"v\":[1.0,null]}".getBytes());
    assertThatThrownBy(
            () -> ApiLoadTest.check("short", "{\"count\":3,\"t\":[1,2],\"v\":[1,2]}".getBytes()))
        .hasMessageContaining("count 3");
    assertThatThrownBy(() -> ApiLoadTest.check("html", "<html>".getBytes()))
        .hasMessageContaining("not readable JSON");
  }
}
