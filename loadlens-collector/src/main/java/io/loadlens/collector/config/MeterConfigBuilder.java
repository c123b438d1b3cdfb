package io.loadlens.collector.config;

import io.loadlens.model.MeterId;
import io.loadlens.model.ObisCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link MeterConfig} from defaults: port 4059, wrapper framing, client 1, server 1/0, no
 * security, load profile 1 ({@code 1-0:99.1.0.255}), 15-minute interval, 5 s timeout, 2 retries.
 * {@link #build()} checks every value.
 */
public final class MeterConfigBuilder {
  /** The IANA port of DLMS/COSEM over TCP (IEC 62056-47). */
  public static final int DLMS_PORT = 4059;

  private final MeterId id;
  private final String host;
  private int port = DLMS_PORT;
  private MeterConfig.Framing framing = MeterConfig.Framing.WRAPPER;
  private int clientAddress = 1;
  private int serverLogicalAddress = 1;
  private int serverPhysicalAddress = 0;
  private MeterConfig.Security security = MeterConfig.Security.NONE;
  private Octets systemTitle = new Octets(new byte[0]);
  private Path keyFile;
  private MeterKeys keys = MeterKeys.NONE;
  private List<ObisCode> profiles = List.of(ObisCode.LOAD_PROFILE_1);
  private List<ObisCode> channels = List.of();
  private String group = "";
  private int intervalMinutes = 15;
  private Duration timeout = Duration.ofSeconds(5);
  private int retries = 2;
  private SerialAccess serial;

  public MeterConfigBuilder(MeterId id, String host) {
    this.id = id;
    this.host = host;
  }

  public MeterConfigBuilder port(int v) {
    port = v;
    return this;
  }

  public MeterConfigBuilder framing(MeterConfig.Framing v) {
    framing = v;
    return this;
  }

  public MeterConfigBuilder clientAddress(int v) {
    clientAddress = v;
    return this;
  }

  public MeterConfigBuilder serverLogicalAddress(int v) {
    serverLogicalAddress = v;
    return this;
  }

  public MeterConfigBuilder serverPhysicalAddress(int v) {
    serverPhysicalAddress = v;
    return this;
  }

  public MeterConfigBuilder security(MeterConfig.Security v) {
    security = v;
    return this;
  }

  public MeterConfigBuilder systemTitle(Octets v) {
    systemTitle = v;
    return this;
  }

  /** The keys and the file they came from (the file may be null for keys held elsewhere). */
  public MeterConfigBuilder keys(MeterKeys v, Path file) {
    keys = v;
    keyFile = file;
    return this;
  }

  public MeterConfigBuilder profiles(List<ObisCode> v) {
    profiles = v;
    return this;
  }

  public MeterConfigBuilder channels(List<ObisCode> v) {
    channels = v;
    return this;
  }

  public MeterConfigBuilder group(String v) {
    group = v;
    return this;
  }

  public MeterConfigBuilder intervalMinutes(int v) {
    intervalMinutes = v;
    return this;
  }

  public MeterConfigBuilder timeout(Duration v) {
    timeout = v;
    return this;
  }

  public MeterConfigBuilder retries(int v) {
    retries = v;
    return this;
  }

  /** The serial line the meter hangs on; the host must then be empty and the framing HDLC. */
  public MeterConfigBuilder serial(SerialAccess v) {
    serial = v;
    return this;
  }

  /**
   * The checked configuration.
   *
   * @throws InvalidFieldException naming the first impossible field
   */
  public MeterConfig build() {
    return new MeterConfig(
        id,
        host,
        port,
        framing,
        clientAddress,
        serverLogicalAddress,
        serverPhysicalAddress,
        security,
        systemTitle,
        Optional.ofNullable(keyFile),
        keys,
        profiles,
        channels,
        group,
        intervalMinutes,
        timeout,
        retries,
        Optional.ofNullable(serial));
  }
}
