package io.loadlens.wmbus.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadlens.wmbus.TelegramDecoder;
import io.loadlens.wmbus.WMBusConfigException;
import io.loadlens.wmbus.WMBusTelegram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
  private static final String KAM_KEY = "28F64A24988064A079AA2C807D6102AE";

  private static Path write(Path dir, String perms, String... lines) throws Exception {
    Path f = dir.resolve("wmbus.keys");
    Files.write(f, List.of(lines));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
    return f;
  }

  @Test
  void readsKeysByManufacturerAndIdOrByIdAlone(@TempDir Path dir) throws Exception {
    Path f =
        write(
            dir,
            "rw-------",
            "# Kamstrup water",
            "KAM-76348799=" + KAM_KEY,
            "",
            "12345678=0102030405060708090a0b0c0d0e0f11",
            "ELS-12345678=000102030405060708090A0B0C0D0E0F");
    KeyFile keys = KeyFile.load(f);
    assertThat(keys.size()).isEqualTo(3);
    assertThat(keys.key("KAM", "76348799"))
        .hasValueSatisfying(
            k -> assertThat(HexFormat.of().withUpperCase().formatHex(k)).isEqualTo(KAM_KEY));
    assertThat(keys.key("ELS", "12345678").orElseThrow()[0]).isEqualTo((byte) 0x00);
    assertThat(keys.key("XYZ", "12345678").orElseThrow()[0]).isEqualTo((byte) 0x01);
    assertThat(keys.key("KAM", "00000000")).isEmpty();
    assertThat(keys.toString()).isEqualTo("KeyFile[3 keys]").doesNotContain(KAM_KEY);
  }

  @Test
  void refusesAFileOthersCanReadLikeSsh(@TempDir Path dir) throws Exception {
    Path f = write(dir, "rw-r--r--", "KAM-76348799=" + KAM_KEY);
    assertThatThrownBy(() -> KeyFile.load(f))
        .isInstanceOf(WMBusConfigException.class)
        .hasMessage(
            "wM-Bus key file "
                + f
                + " is accessible by others (permissions rw-r--r--); it holds secret keys: chmod 600 "
                + f);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--------"));
    assertThat(KeyFile.load(f).size()).isEqualTo(1);
  }

  @Test
  void namesTheFileAndLineOfAMalformedEntryWithoutPrintingTheKey(@TempDir Path dir)
      throws Exception {
    Path f = write(dir, "rw-------", "# x", "KAM-76348799=" + KAM_KEY.substring(1));
    assertThatThrownBy(() -> KeyFile.load(f))
        .hasMessage(
            "wM-Bus key file "
                + f
                + " line 2: the key of KAM-76348799 is not 32 hex digits (31 chars)");
    assertThatThrownBy(() -> KeyFile.parse("k", List.of("KAMSTRUP-1=" + KAM_KEY)))
        .hasMessage(
            "wM-Bus key file k line 1: meter 'KAMSTRUP-1' is not an 8-digit id, optionally MAN- before it");
    assertThatThrownBy(() -> KeyFile.parse("k", List.of(KAM_KEY)))
        .hasMessage("wM-Bus key file k line 1: expected MAN-ID=KEY or ID=KEY");
    assertThatThrownBy(
            () -> KeyFile.parse("k", List.of("76348799=" + KAM_KEY, "76348799=" + KAM_KEY)))
        .hasMessage("wM-Bus key file k line 2: a second key for 76348799")
        .message()
        .doesNotContain(KAM_KEY);
  }

  @Test
  void decryptsTheKamstrupTelegramWithItsKeyFromTheFile() {
    KeyFile keys = KeyFile.parse("k", List.of("KAM-76348799=" + KAM_KEY));
    WMBusTelegram t =
        TelegramDecoder.decode(
            HexFormat.of()
                .parseHex(
                    "2A442D2C998734761B168D2091D37CAC21E1D68CDAFFCD3DC452BD802913FF7B1706CA9E355D6C2701CC24"),
            keys);
    assertThat(t.security()).isEqualTo("ELL AES-CTR");
  }
}
