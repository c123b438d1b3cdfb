package io.loadlens.collector.dlms;

import io.loadlens.collector.MeterReader;
import io.loadlens.collector.MeterSession;
import io.loadlens.collector.ProfileRows;
import io.loadlens.collector.ReadFailure;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.collector.config.Octets;
import io.loadlens.collector.config.SerialAccess;
import io.loadlens.dlms.DlmsConnectionException;
import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.DlmsFramingException;
import io.loadlens.dlms.DlmsTimeoutException;
import io.loadlens.dlms.client.ClientSettings;
import io.loadlens.dlms.client.DlmsClient;
import io.loadlens.dlms.client.Framing;
import io.loadlens.dlms.client.ProfileColumn;
import io.loadlens.dlms.client.ProfileData;
import io.loadlens.dlms.client.SecurityLevel;
import io.loadlens.iec21.Iec21Exception;
import io.loadlens.iec21.Iec21TimeoutException;
import io.loadlens.iec21.ModeCClient;
import io.loadlens.iec21.ModeCSession;
import io.loadlens.iec21.serial.SerialLine;
import io.loadlens.iec21.serial.SerialSettings;
import io.loadlens.iec21.serial.TtySerialLine;
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads meters over DLMS/COSEM with the loadlens DLMS client. Maps the client's exceptions to
 * {@link ReadFailure}s with the same operator code: timeouts, connection and framing errors, and
 * responses whose GCM tag does not verify, are retriable; association rejections, replay and
 * service errors are not. When the configuration names the meter's system title, the title the
 * meter presents in the AARE must match (HLS-GMAC), otherwise the session is refused with 0x05.
 *
 * <p>A meter on a serial line ({@link MeterConfig#serial()}) is read with the same HDLC client: the
 * device is set to 8N1 at its rate and the client runs directly over it ({@link SerialByteLink}),
 * naming the meter's address in its messages. Meters on the same device (an RS-485 bus) are read
 * one after another: a session holds the device until it closes. With mode E ({@link
 * SerialAccess#modeE()}, an optical probe) the line is first opened at 300 Bd 7E1 and the meter
 * switched to HDLC with the IEC 62056-21 sign-on and {@code ACK 2 Z 2}.
 */
public final class DlmsMeterReader implements MeterReader {
  /** The client-max-receive-pdu-size proposed in the AARQ. */
  public static final int DEFAULT_MAX_PDU_SIZE = 4096;

  private final Octets clientSystemTitle;
  private final int maxPduSize;
  private final Map<Path, ReentrantLock> devices = new ConcurrentHashMap<>();

  public DlmsMeterReader(Octets clientSystemTitle) {
    this(clientSystemTitle, DEFAULT_MAX_PDU_SIZE);
  }

  public DlmsMeterReader(Octets clientSystemTitle, int maxPduSize) {
    this.clientSystemTitle = clientSystemTitle;
    this.maxPduSize = maxPduSize;
  }

  @Override
  public MeterSession open(MeterConfig meter, long invocationCounter) {
    if (meter.serial().isPresent()) {
      return openSerial(meter, meter.serial().get(), invocationCounter);
    }
    ClientSettings settings = settings(meter, meter.host(), meter.port(), invocationCounter);
    DlmsClient client;
    try {
      client = DlmsClient.connect(settings);
    } catch (RuntimeException e) {
      throw failure(e);
    }
    return session(client, meter, null);
  }

  /**
   * Reads 0-0:43.1.0.255 as the public client ({@link DlmsClient#acceptedInvocationCounter}) over
   * TCP; meters on a serial line are not asked (their line is held by the session).
   */
  @Override
  public java.util.OptionalLong acceptedInvocationCounter(MeterConfig meter) {
    if (meter.serial().isPresent() || meter.security() != MeterConfig.Security.HLS_GMAC) {
      return java.util.OptionalLong.empty();
    }
    return DlmsClient.acceptedInvocationCounter(settings(meter, meter.host(), meter.port(), 0));
  }

  /** HDLC over a serial device, holding the device for the whole session. */
  private MeterSession openSerial(MeterConfig meter, SerialAccess serial, long invocationCounter) {
    ClientSettings settings = settings(meter, null, 0, invocationCounter);
    ReentrantLock device = devices.computeIfAbsent(serial.device(), d -> new ReentrantLock(true));
    device.lock();
    try {
      SerialLine line = openLine(serial, meter.timeout());
      DlmsClient client;
      try {
        // the client owns the line from here: it closes it on close and when connect fails
        client = DlmsClient.connect(new SerialByteLink(line, meter.address()), settings);
      } catch (RuntimeException e) {
        throw failure(e);
      }
      return session(client, meter, device::unlock);
    } catch (RuntimeException e) {
      device.unlock();
      throw e;
    }
  }

  /**
   * The session over an associated client; with HLS-GMAC and a configured system title, the title
   * the meter presented must match.
   */
  private static MeterSession session(DlmsClient client, MeterConfig meter, Runnable onClose) {
    byte[] expected = meter.systemTitle().bytes();
    if (meter.security() == MeterConfig.Security.HLS_GMAC
        && expected.length > 0
        && !Arrays.equals(expected, client.serverSystemTitle())) {
      long used = client.invocationCounter();
      client.close();
      throw new ReadFailure(
          OperatorCode.AUTHENTICATION_FAILURE,
          "meter presented system title "
              + HexFormat.of().withUpperCase().formatHex(client.serverSystemTitle())
              + ", configured "
              + meter.systemTitle()
              + " (invocation counter now "
              + used
              + ")",
          false,
          null);
    }
    return new Session(client, onClose);
  }

  /**
   * Opens the device at 8N1; in mode E first signs on with IEC 62056-21 at 300 Bd 7E1 and switches
   * the meter to HDLC, waiting at most {@code timeout} for each answer.
   */
  private static SerialLine openLine(SerialAccess serial, Duration timeout) {
    SerialSettings start =
        serial.modeE()
            ? SerialSettings.sevenEvenOne(ModeCClient.INITIAL_BAUD_RATE)
            : SerialSettings.eightNoneOne(serial.baudRate());
    SerialLine line;
    try {
      line = TtySerialLine.open(serial.device(), start);
    } catch (IOException e) {
      throw new ReadFailure(OperatorCode.CONNECTION_FAILED, e.getMessage(), true, e);
    }
    if (!serial.modeE()) {
      return line;
    }
    ModeCSession.Timing timing =
        new ModeCSession.Timing(
            timeout, timeout, Duration.ofMillis(ModeCClient.SWITCH_OVER_DELAY_MILLIS));
    try {
      new ModeCSession(line, timing)
          .switchToHdlc(
              new ModeCClient.Options("", serial.baudRate()), ModeCClient.INITIAL_BAUD_RATE);
      return line;
    } catch (Iec21TimeoutException e) {
      line.close();
      throw new ReadFailure(OperatorCode.TIMEOUT, "mode E: " + e.getMessage(), true, e);
    } catch (Iec21Exception e) {
      line.close();
      throw new ReadFailure(OperatorCode.FRAMING_ERROR, "mode E: " + e.getMessage(), true, e);
    } catch (IOException e) {
      line.close();
      throw new ReadFailure(
          OperatorCode.CONNECTION_LOST,
          "serial device " + serial.device() + ": " + e.getMessage(),
          true,
          e);
    }
  }

  /** The client's settings; {@code host} null (port 0) for a meter on a serial line. */
  private ClientSettings settings(MeterConfig m, String host, int port, long invocationCounter) {
    try {
      return clientSettings(m, host, port, invocationCounter);
    } catch (IllegalArgumentException e) {
      throw new ReadFailure(OperatorCode.CONFIGURATION_ERROR, e.getMessage(), false, e);
    }
  }

  private ClientSettings clientSettings(
      MeterConfig m, String host, int port, long invocationCounter) {
    byte[] none = new byte[0];
    boolean hls = m.security() == MeterConfig.Security.HLS_GMAC;
    return new ClientSettings(
        host,
        port,
        m.framing() == MeterConfig.Framing.HDLC ? Framing.HDLC : Framing.WRAPPER,
        m.clientAddress(),
        m.serverLogicalAddress(),
        m.serverPhysicalAddress(),
        switch (m.security()) {
          case NONE -> SecurityLevel.NONE;
          case LLS -> SecurityLevel.LLS;
          case HLS_GMAC -> SecurityLevel.HLS_GMAC;
        },
        m.security() == MeterConfig.Security.LLS ? m.keys().password() : null,
        hls ? m.keys().guek() : none,
        hls ? m.keys().gak() : none,
        hls ? clientSystemTitle.bytes() : none,
        m.timeout(),
        maxPduSize,
        invocationCounter);
  }

  /** The collector's failure for a client exception, keeping the cause. */
  static ReadFailure failure(RuntimeException e) {
    if (e instanceof DlmsException d) {
      boolean retriable =
          d instanceof DlmsTimeoutException
              || d instanceof DlmsConnectionException
              || d instanceof DlmsFramingException
              || receivedTagFailure(d);
      return new ReadFailure(d.operatorCode(), d.getMessage(), retriable, d);
    }
    return new ReadFailure(
        OperatorCode.PROTOCOL_ERROR, "unusable answer: " + e.getMessage(), false, e);
  }

  /**
   * A received APDU failed its GCM tag check: a damaged frame or a wrong key cannot be told apart
   * here. The meter has not rejected us (no lockout risk), so the read is retried; a wrong key
   * fails the same way on every attempt and is still reported as 0x05.
   */
  private static boolean receivedTagFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof javax.crypto.AEADBadTagException) {
        return true;
      }
    }
    return false;
  }

  private static final class Session implements MeterSession {
    private final DlmsClient client;
    private final Runnable onClose;

    Session(DlmsClient client, Runnable onClose) {
      this.client = client;
      this.onClose = onClose;
    }

    @Override
    public ProfileRows readProfile(ObisCode profile, Instant from, Instant to) {
      ProfileData d;
      try {
        d = client.readProfile(profile, from, to);
      } catch (RuntimeException e) {
        throw failure(e);
      }
      List<ProfileRows.Column> cols = new ArrayList<>(d.columns().size());
      for (ProfileColumn c : d.columns()) {
        cols.add(new ProfileRows.Column(c.obis(), c.unit()));
      }
      return new ProfileRows(
          d.profile(), d.capturePeriodSeconds(), cols, d.epochSeconds(), d.status(), d.values());
    }

    @Override
    public long invocationCounter() {
      return client.invocationCounter();
    }

    @Override
    public void close() {
      try {
        client.close();
      } finally {
        if (onClose != null) {
          onClose.run();
        }
      }
    }
  }
}
