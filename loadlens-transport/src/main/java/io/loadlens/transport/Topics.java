package io.loadlens.transport;

import io.loadlens.model.MeterId;
import java.util.regex.Pattern;

/**
 * The MQTT topic layout, version 1:
 *
 * <pre>
 *   loadlens/v1/&lt;gateway&gt;/&lt;meter&gt;/profile   interval batches (QoS 1 or 2)
 *   loadlens/v1/&lt;gateway&gt;/&lt;meter&gt;/events    meter events (QoS 1)
 *   loadlens/v1/&lt;gateway&gt;/status            retained gateway status; last will "offline"
 * </pre>
 *
 * Gateway ids follow the rules of {@link MeterId} (letters, digits, {@code . _ : -}), so no id can
 * contain the MQTT separators {@code / + #}.
 */
public final class Topics {
  public static final String ROOT = "loadlens/v1";

  /** Every gateway's profile topics, for the ingest subscription. */
  public static final String ALL_PROFILES = ROOT + "/+/+/profile";

  /** Every gateway's event topics. */
  public static final String ALL_EVENTS = ROOT + "/+/+/events";

  private static final Pattern GATEWAY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private Topics() {}

  public static String profile(String gateway, MeterId meter) {
    return ROOT + "/" + checkGateway(gateway) + "/" + meter.value() + "/profile";
  }

  public static String events(String gateway, MeterId meter) {
    return ROOT + "/" + checkGateway(gateway) + "/" + meter.value() + "/events";
  }

  public static String status(String gateway) {
    return ROOT + "/" + checkGateway(gateway) + "/status";
  }

  /** Validates a gateway id. */
  public static String checkGateway(String gateway) {
    if (gateway == null || !GATEWAY.matcher(gateway).matches()) {
      throw new InvalidSettingsException(
          "gateway id '"
              + gateway
              + "' is invalid: use 1 to 64 letters, digits, '.', '_', ':' or '-'");
    }
    return gateway;
  }
}
