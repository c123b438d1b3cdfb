package io.loadlens.simulator.meter;

import io.loadlens.model.MeterId;
import io.loadlens.simulator.household.Seeds;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * How a simulated meter is addressed and secured: its id, address, system title, the keys and
 * password written to its key file, and the keys it actually uses (different for a wrong-key
 * meter).
 *
 * @param id the meter id, e.g. SIM-00001
 * @param serial the meter's serial number (1-based)
 * @param host loopback address
 * @param port TCP port
 * @param systemTitle the meter's system title: "LLS" manufacturer flag + 5-octet serial
 * @param guek global unicast encryption key written to the key file
 * @param gak global authentication key written to the key file
 * @param password LLS secret written to the key file
 * @param servedGuek the GUEK the meter uses
 * @param servedGak the GAK the meter uses
 * @param servedPassword the LLS secret the meter checks
 */
public record MeterIdentity(
    MeterId id,
    long serial,
    String host,
    int port,
    byte[] systemTitle,
    byte[] guek,
    byte[] gak,
    String password,
    byte[] servedGuek,
    byte[] servedGak,
    String servedPassword) {

  /** "LLS": the three-letter manufacturer flag loadlens's simulated meters carry (FLAG-style). */
  static final byte[] MANUFACTURER = {'L', 'L', 'S'};

  private static final String PASSWORD_CHARS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  /** The identity of meter {@code serial}, keys drawn from the fleet seed. */
  public static MeterIdentity create(
      long seed, long serial, String host, int port, boolean wrongKey) {
    SplittableRandom rng = Seeds.rng(seed, 0x6E75L, serial);
    byte[] guek = bytes(rng, 16);
    byte[] gak = bytes(rng, 16);
    String password = password(rng);
    byte[] title = new byte[8];
    System.arraycopy(MANUFACTURER, 0, title, 0, 3);
    for (int i = 0; i < 5; i++) {
      title[7 - i] = (byte) (serial >>> (8 * i));
    }
    byte[] servedGuek = wrongKey ? bytes(rng, 16) : guek;
    byte[] servedGak = wrongKey ? bytes(rng, 16) : gak;
    String servedPassword = wrongKey ? password(rng) : password;
    return new MeterIdentity(
        MeterId.of(String.format("SIM-%05d", serial)),
        serial,
        host,
        port,
        title,
        guek,
        gak,
        password,
        servedGuek,
        servedGak,
        servedPassword);
  }

  private static byte[] bytes(SplittableRandom rng, int n) {
    byte[] b = new byte[n];
    rng.nextBytes(b);
    return b;
  }

  private static String password(SplittableRandom rng) {
    StringBuilder sb = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      sb.append(PASSWORD_CHARS.charAt(rng.nextInt(PASSWORD_CHARS.length())));
    }
    return sb.toString();
  }

  public String systemTitleHex() {
    return HexFormat.of().withUpperCase().formatHex(systemTitle);
  }

  /** Never shows keys or passwords. */
  @Override
  public String toString() {
    return "MeterIdentity[" + id + " " + host + ":" + port + " " + systemTitleHex() + "]";
  }
}
