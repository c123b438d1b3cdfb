package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory holds consumer data, keys and token hashes. */
class DataDirectoryTest {
  @TempDir Path dir;

  @Test
  void isCreatedPrivateToTheUserAndTokenCreatePrintsTheTokenLast() throws Exception {
    Path data = dir.resolve("fresh-data");
    CliRun r = CliRun.run("token", "create", "--role", "admin", "--data", data.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("llt_");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
  }
}
