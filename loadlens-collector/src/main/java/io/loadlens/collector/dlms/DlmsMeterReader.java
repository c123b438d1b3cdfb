package io.loadlens.collector.dlms;

import io.loadlens.collector.MeterReader;
import io.loadlens.collector.MeterSession;
import io.loadlens.collector.ProfileRows;
import io.loadlens.collector.ReadFailure;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.collector.config.Octets;
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
import io.loadlens.model.ObisCode;
import io.loadlens.model.OperatorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads meters over DLMS/COSEM with the loadlens DLMS client. Maps the client's exceptions to
 * {@link ReadFailure}s with the same operator code: timeouts, connection and framing errors, and
 * responses whose GCM tag does not verify, are retriable; association rejections, replay and
 * service errors are not. When the configuration names the meter's system title, the title the
 * meter presents in the AARE must match (HLS-GMAC), otherwise the session is refused with 0x05.
 */
public final class DlmsMeterReader implements MeterReader {
  /** The client-max-receive-pdu-size proposed in the AARQ. */
  public static final int DEFAULT_MAX_PDU_SIZE = 4096;

  private final Octets clientSystemTitle;
  private final int maxPduSize;

  public DlmsMeterReader(Octets clientSystemTitle) {
    this(clientSystemTitle, DEFAULT_MAX_PDU_SIZE);
  }

  public DlmsMeterReader(Octets clientSystemTitle, int maxPduSize) {
    this.clientSystemTitle = clientSystemTitle;
    this.maxPduSize = maxPduSize;
  }

  @Override
  public MeterSession open(MeterConfig meter, long invocationCounter) {
    ClientSettings settings;
    try {
      settings = settings(meter, invocationCounter);
    } catch (IllegalArgumentException e) {
      throw new ReadFailure(OperatorCode.CONFIGURATION_ERROR, e.getMessage(), false, e);
    }
    DlmsClient client;
    try {
      client = DlmsClient.connect(settings);
    } catch (RuntimeException e) {
      throw failure(e);
    }
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
    return new Session(client);
  }

  private ClientSettings settings(MeterConfig m, long invocationCounter) {
    byte[] none = new byte[0];
    boolean hls = m.security() == MeterConfig.Security.HLS_GMAC;
    return new ClientSettings(
        m.host(),
        m.port(),
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

    Session(DlmsClient client) {
      this.client = client;
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
      client.close();
    }
  }
}
