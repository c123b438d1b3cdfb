package io.loadlens.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.model.MeterId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {

  @Test
  void tokensSurviveARestartAndKeepTheirScope(@TempDir Path dir) {
    String token =
        new TokenService(dir, Clock.systemUTC())
            .create(Role.CONSUMER, Set.of(MeterId.of("M7")))
            .token();
    Principal p = new TokenService(dir, Clock.systemUTC()).authenticate(token).orElseThrow();
    assertThat(p.role()).isEqualTo(Role.CONSUMER);
    assertThat(p.canSee(MeterId.of("M7"))).isTrue();
    assertThat(p.canSee(MeterId.of("M8"))).isFalse();
  }

  @Test
  void twoTokensNeverShareSecretOrSalt(@TempDir Path dir) {
    TokenService s = new TokenService(dir, Clock.systemUTC());
    var a = s.create(Role.ANALYST, Set.of());
    var b = s.create(Role.ANALYST, Set.of());
    assertThat(a.token()).isNotEqualTo(b.token());
    assertThat(s.list().get(0).salt()).isNotEqualTo(s.list().get(1).salt());
    assertThat(a.token()).matches("llt_[0-9a-f]{12}\\.[A-Za-z0-9_-]{43}");
  }

  @Test
  void malformedAndTamperedTokensAreRejected(@TempDir Path dir) {
    TokenService s = new TokenService(dir, Clock.systemUTC());
    String t = s.create(Role.ADMIN, Set.of()).token();
    assertThat(s.authenticate(null)).isEmpty();
    assertThat(s.authenticate("")).isEmpty();
    assertThat(s.authenticate("llt_")).isEmpty();
    assertThat(s.authenticate(t + "x")).isEmpty();
    assertThat(s.authenticate(t.replace("llt_", "xyz_"))).isEmpty();
    assertThat(s.authenticate("llt_" + "a".repeat(300))).isEmpty();
    assertThat(s.authenticate(t)).isPresent();
  }

  @Test
  void scopeRulesAreEnforcedAtCreation(@TempDir Path dir) {
    TokenService s = new TokenService(dir, Clock.systemUTC());
    assertThatThrownBy(() -> s.create(Role.CONSUMER, Set.of()))
        .hasMessageContaining("at least one meter");
    assertThatThrownBy(() -> s.create(Role.OPERATOR, Set.of(MeterId.of("M1"))))
        .hasMessageContaining("operator");
  }
}
