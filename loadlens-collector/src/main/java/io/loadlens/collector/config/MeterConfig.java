package io.loadlens.collector.config;

import static io.loadlens.collector.config.InvalidFieldException.range;
import static io.loadlens.collector.config.InvalidFieldException.required;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to reach and read one meter. Immutable and checked when built: an impossible value throws
 * {@link InvalidFieldException} naming the field.
 *
 * @param id the meter
 * @param host IP address or host name of the meter or its gateway; empty for a meter on a serial
 *     line
 * @param port TCP port (4059 is the IANA port of DLMS/COSEM over TCP, IEC 62056-47)
 * @param framing the TCP wrapper (IEC 62056-47) or HDLC (IEC 62056-46) over TCP or a serial line
 * @param clientAddress client SAP / HDLC client address (1..127 for HDLC, IEC 62056-46 6.4.2.2;
 *     wrapper wPort 1..65535, IEC 62056-47 7.3)
 * @param serverLogicalAddress server SAP / HDLC upper address (0..16383 for HDLC)
 * @param serverPhysicalAddress HDLC lower address (0..16383); ignored by the wrapper
 * @param security the authentication mechanism
 * @param systemTitle the meter's 8-octet system title; empty when not known (needed for HLS-GMAC)
 * @param keyFile where the keys came from, for messages; empty when the meter needs no key
 * @param keys the keys (never printed)
 * @param profiles the Profile Generic objects to read (value group C = 99), at least one
 * @param channels the profile columns to keep (value group B is not compared); empty keeps all
 * @param group the gateway or group the meter hangs on; the per-group connection limit applies to
 *     each non-empty group
 * @param intervalMinutes the capture period of the meter's load profile, dividing a day
 * @param timeout TIMEOUT_VAL: how long to wait for each response
 * @param retries how many times a failed request is retried (0..10)
 * @param serial the serial line the meter hangs on (HDLC only), instead of {@code host} and {@code
 *     port}; empty for TCP
 */
public record MeterConfig(
    MeterId id,
    String host,
    int port,
    Framing framing,
    int clientAddress,
    int serverLogicalAddress,
    int serverPhysicalAddress,
    Security security,
    Octets systemTitle,
    Optional<Path> keyFile,
    MeterKeys keys,
    List<ObisCode> profiles,
    List<ObisCode> channels,
    String group,
    int intervalMinutes,
    Duration timeout,
    int retries,
    Optional<SerialAccess> serial) {

  /** System titles are 8 octets (DLMS UA 1000-2 Ed. 10, 9.2.4.8.2). */
  public static final int SYSTEM_TITLE_LENGTH = 8;

  /** The longest TIMEOUT_VAL accepted. */
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  /** The most retries accepted per request. */
  public static final int MAX_RETRIES = 10;

  /** How the DLMS APDUs travel over TCP. */
  public enum Framing {
    /** The TCP-UDP wrapper of IEC 62056-47 (port 4059). */
    WRAPPER,
    /** HDLC frames of IEC 62056-46, tunnelled over TCP. */
    HDLC
  }

  /** The association's authentication mechanism (IEC 62056-5-3, 5.2.2). */
  public enum Security {
    /** Lowest level security: no authentication. */
    NONE,
    /** Low level security: a password. */
    LLS,
    /** High level security, mechanism 5 (GMAC), security suite 0, with ciphered APDUs. */
    HLS_GMAC
  }

  public MeterConfig {
    required("id", id);
    required("host", host);
    serial = serial == null ? Optional.empty() : serial;
    required("framing", framing);
    if (serial.isPresent()) {
      if (!host.isEmpty()) {
        throw new InvalidFieldException(
            "host", "give either a host or a serial device, not both (host '" + host + "')");
      }
      if (framing != Framing.HDLC) {
        throw new InvalidFieldException(
            "framing", "must be hdlc for a meter on a serial line, got " + framing);
      }
    } else if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidFieldException(
          "host", "must be an address or host name, got '" + host + "'");
    }
    range("port", port, 1, 65535);
    if (framing == Framing.HDLC) {
      range("clientAddress", clientAddress, 1, 127);
      range("serverLogicalAddress", serverLogicalAddress, 0, 0x3FFF);
      range("serverPhysicalAddress", serverPhysicalAddress, 0, 0x3FFF);
    } else {
      range("clientAddress", clientAddress, 1, 0xFFFF);
      range("serverLogicalAddress", serverLogicalAddress, 0, 0xFFFF);
      range("serverPhysicalAddress", serverPhysicalAddress, 0, 0xFFFF);
    }
    required("security", security);
    systemTitle = systemTitle == null ? new Octets(new byte[0]) : systemTitle;
    keyFile = keyFile == null ? Optional.empty() : keyFile;
    keys = keys == null ? MeterKeys.NONE : keys;
    checkSecurity(security, systemTitle, keys);
    profiles = List.copyOf(required("profiles", profiles));
    if (profiles.isEmpty()) {
      throw new InvalidFieldException("profiles", "needs at least one OBIS code");
    }
    channels = channels == null ? List.of() : List.copyOf(channels);
    group = group == null ? "" : group;
    range("intervalMinutes", intervalMinutes, 1, 1440);
    if (1440 % intervalMinutes != 0) {
      throw new InvalidFieldException(
          "intervalMinutes", "must divide a day (1440 minutes), got " + intervalMinutes);
    }
    required("timeout", timeout);
    if (!validTimeout(timeout)) {
      throw new InvalidFieldException("timeout", timeoutReason(timeout));
    }
    range("retries", retries, 0, MAX_RETRIES);
  }

  private static void checkSecurity(Security security, Octets systemTitle, MeterKeys keys) {
    if (systemTitle.length() != 0 && systemTitle.length() != SYSTEM_TITLE_LENGTH) {
      throw new InvalidFieldException(
          "systemTitle", "must be " + SYSTEM_TITLE_LENGTH + " octets, got " + systemTitle.length());
    }
    switch (security) {
      case NONE -> {}
      case LLS -> {
        if (!keys.hasPassword()) {
          throw new InvalidFieldException("keyFile", "security lls needs PASSWORD in the key file");
        }
      }
      case HLS_GMAC -> {
        if (systemTitle.length() == 0) {
          throw new InvalidFieldException("systemTitle", "is required for security hls-gmac");
        }
        if (keys.guek().length != MeterKeys.SUITE0_KEY_LENGTH
            || keys.gak().length != MeterKeys.SUITE0_KEY_LENGTH) {
          throw new InvalidFieldException(
              "keyFile",
              "security hls-gmac needs GUEK and GAK of "
                  + MeterKeys.SUITE0_KEY_LENGTH
                  + " octets in the key file");
        }
      }
    }
  }

  static boolean validTimeout(Duration timeout) {
    return !timeout.isNegative() && !timeout.isZero() && timeout.compareTo(MAX_TIMEOUT) <= 0;
  }

  static String timeoutReason(Duration timeout) {
    return "must be between 1 ms and "
        + MAX_TIMEOUT.toMillis()
        + " ms, got "
        + timeout.toMillis()
        + " ms";
  }

  /** A meter reached over TCP (the form before serial lines were supported). */
  public MeterConfig(
      MeterId id,
      String host,
      int port,
      Framing framing,
      int clientAddress,
      int serverLogicalAddress,
      int serverPhysicalAddress,
      Security security,
      Octets systemTitle,
      Optional<Path> keyFile,
      MeterKeys keys,
      List<ObisCode> profiles,
      List<ObisCode> channels,
      String group,
      int intervalMinutes,
      Duration timeout,
      int retries) {
    this(
        id,
        host,
        port,
        framing,
        clientAddress,
        serverLogicalAddress,
        serverPhysicalAddress,
        security,
        systemTitle,
        keyFile,
        keys,
        profiles,
        channels,
        group,
        intervalMinutes,
        timeout,
        retries,
        Optional.empty());
  }

  /** Where the meter is: {@code host:port}, or {@code serial:/dev/ttyUSB0@9600}. */
  public String address() {
    return serial.map(s -> "serial:" + s).orElse(host + ":" + port);
  }

  /** The capture period in seconds. */
  public int intervalSeconds() {
    return intervalMinutes * 60;
  }

  /** Whether a profile column with this OBIS code is wanted (B, the channel, is not compared). */
  public boolean wantsChannel(ObisCode column) {
    if (channels.isEmpty()) {
      return true;
    }
    for (ObisCode c : channels) {
      if (c.a() == column.a()
          && c.c() == column.c()
          && c.d() == column.d()
          && c.e() == column.e()
          && c.f() == column.f()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "MeterConfig["
        + id
        + " "
        + address()
        + " "
        + framing
        + " "
        + security
        + (group.isEmpty() ? "" : " group=" + group)
        + "]";
  }
}
