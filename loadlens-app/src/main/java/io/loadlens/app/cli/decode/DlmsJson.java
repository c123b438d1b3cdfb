package io.loadlens.app.cli.decode;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.loadlens.app.config.ConfigException;
import io.loadlens.dlms.apdu.Aare;
import io.loadlens.dlms.apdu.Aarq;
import io.loadlens.dlms.apdu.ActionRequest;
import io.loadlens.dlms.apdu.ActionResponse;
import io.loadlens.dlms.apdu.ExceptionResponse;
import io.loadlens.dlms.apdu.SetRequest;
import io.loadlens.dlms.apdu.SetResponse;
import io.loadlens.dlms.axdr.AxdrReader;
import io.loadlens.dlms.hdlc.HdlcFrame;
import io.loadlens.dlms.security.Ciphering;
import io.loadlens.dlms.security.SecuritySuite0;
import io.loadlens.dlms.wrapper.WrapperDecoder;
import io.loadlens.dlms.wrapper.WrapperFrame;
import io.loadlens.model.ObisCode;
import java.io.IOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes DLMS/COSEM frames and APDUs for the {@code decode} command. */
final class DlmsJson {
  private static final int DATA_NOTIFICATION = 0x0F;

  /** Serialises decoded records: byte arrays as hex, OBIS codes in their canonical text form. */
  private static final ObjectMapper RECORDS =
      new ObjectMapper()
          .registerModule(
              new SimpleModule()
                  .addSerializer(byte[].class, new Hex())
                  .addSerializer(
                      ObisCode.class,
                      new JsonSerializer<>() {
                        @Override
                        public void serialize(ObisCode v, JsonGenerator g, SerializerProvider p)
                            throws IOException {
                          g.writeString(v.toString());
                        }
                      }));

  private DlmsJson() {}

  static Map<String, Object> decode(
      String format, byte[] input, byte[] ek, byte[] ak, byte[] systemTitle) {
    return switch (format) {
      case "hdlc" -> hdlc(input, ek, ak, systemTitle);
      case "wrapper" -> wrapper(input, ek, ak, systemTitle);
      default -> apdu(input, ek, ak, systemTitle);
    };
  }

  private static Map<String, Object> hdlc(byte[] b, byte[] ek, byte[] ak, byte[] st) {
    HdlcFrame f = HdlcFrame.decode(b, 0, b.length);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "hdlc");
    m.put("destination", f.destination().toString());
    m.put("source", f.source().toString());
    m.put("control", String.format("0x%02X", f.control()));
    m.put("segmented", f.segmented());
    m.put("checks", List.of(TelegramJson.check("HCS and FCS (CRC-16/X.25)", "valid", null, null)));
    byte[] info = f.info();
    if (info.length >= 3
        && (info[0] & 0xFF) == 0xE6
        && ((info[1] & 0xFF) == 0xE6 || (info[1] & 0xFF) == 0xE7)) {
      m.put("llc", HexFormat.of().formatHex(info, 0, 3).toUpperCase());
      byte[] apdu = java.util.Arrays.copyOfRange(info, 3, info.length);
      m.put("apdu", apdu(apdu, ek, ak, st));
    } else if (info.length > 0) {
      m.put("info", HexFormat.of().formatHex(info).toUpperCase());
    }
    return m;
  }

  private static Map<String, Object> wrapper(byte[] b, byte[] ek, byte[] ak, byte[] st) {
    List<WrapperFrame> frames = new WrapperDecoder().feed(b, 0, b.length);
    if (frames.isEmpty()) {
      throw new ConfigException(
          "wrapper: the input holds no complete IEC 62056-47 frame (" + b.length + " bytes)");
    }
    WrapperFrame f = frames.get(0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "wrapper");
    m.put("version", WrapperFrame.VERSION);
    m.put("sourceWPort", f.source());
    m.put("destinationWPort", f.destination());
    m.put("length", f.apdu().length);
    m.put("apdu", apdu(f.apdu(), ek, ak, st));
    return m;
  }

  static Map<String, Object> apdu(byte[] a, byte[] ek, byte[] ak, byte[] st) {
    if (a.length == 0) {
      throw new ConfigException("the APDU is empty");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    if (a.length > 3 && (a[0] & 0xFF) == 0xE6 && ((a[1] & 0xFF) == 0xE6 || (a[1] & 0xFF) == 0xE7)) {
      m.put("llc", HexFormat.of().formatHex(a, 0, 3).toUpperCase());
      a = java.util.Arrays.copyOfRange(a, 3, a.length);
    }
    int tag = a[0] & 0xFF;
    m.put("tag", String.format("0x%02X", tag));
    if (Ciphering.isCiphered(tag)) {
      return ciphered(a, ek, ak, st, m);
    }
    Object decoded =
        switch (tag) {
          case 0x60 -> Aarq.decode(a);
          case 0x61 -> Aare.decode(a);
          case 0xC1 -> SetRequest.decode(a);
          case 0xC5 -> SetResponse.decode(a);
          case 0xC3 -> ActionRequest.decode(a);
          case 0xC7 -> ActionResponse.decode(a);
          case 0xD8 -> ExceptionResponse.decode(a);
          case DATA_NOTIFICATION -> dataNotification(a);
          default -> null;
        };
    if (decoded == null) {
      m.put("type", "APDU tag " + String.format("0x%02X", tag));
      m.put("hex", HexFormat.of().formatHex(a).toUpperCase());
      return m;
    }
    m.put(
        "type",
        decoded instanceof Map<?, ?> ? "data-notification" : decoded.getClass().getSimpleName());
    m.put("fields", RECORDS.convertValue(decoded, Object.class));
    return m;
  }

  private static Map<String, Object> ciphered(
      byte[] a, byte[] ek, byte[] ak, byte[] st, Map<String, Object> m) {
    Ciphering.Ciphered c = Ciphering.decode(a);
    m.put("type", "ciphered APDU");
    m.put("securityControl", String.format("0x%02X", c.sc().value()));
    m.put("invocationCounter", c.ic());
    byte[] title = c.systemTitle() != null ? c.systemTitle() : st;
    if (title != null) {
      m.put("systemTitle", HexFormat.of().formatHex(title).toUpperCase());
    }
    if (ek == null || title == null) {
      m.put(
          "note",
          "give --key (and --ak when authenticated)"
              + (title == null ? " and --system-title" : "")
              + " to decrypt");
      return m;
    }
    byte[] plain =
        SecuritySuite0.unprotect(c.sc(), title, c.ic(), ek, ak, c.info(), 0, c.info().length);
    m.put(
        "checks",
        List.of(
            TelegramJson.check(
                c.sc().authenticated() ? "AES-GCM tag" : "AES-GCM (no tag: encryption only)",
                "valid",
                null,
                null)));
    m.put("plaintext", HexFormat.of().formatHex(plain).toUpperCase());
    m.put("apdu", apdu(plain, ek, ak, st));
    return m;
  }

  /** Data-Notification (IEC 62056-5-3 §9.3.9): long-invoke-id-and-priority, date-time, body. */
  private static Map<String, Object> dataNotification(byte[] a) {
    AxdrReader r = new AxdrReader(a, 1, a.length - 1);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("longInvokeIdAndPriority", String.format("0x%08X", r.u32("long-invoke-id-and-priority")));
    int len = r.u8("date-time length");
    if (len > 0) {
      m.put("dateTime", HexFormat.of().formatHex(r.bytes(len, "date-time")).toUpperCase());
    }
    m.put("body", RECORDS.convertValue(r.value(), Object.class));
    return m;
  }

  private static final class Hex extends JsonSerializer<byte[]> {
    @Override
    public void serialize(byte[] v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeString(HexFormat.of().formatHex(v).toUpperCase());
    }
  }
}
