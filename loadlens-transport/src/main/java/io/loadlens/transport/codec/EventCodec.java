package io.loadlens.transport.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadlens.model.MeterEvent;
import io.loadlens.transport.EventBatch;
import io.loadlens.transport.InvalidSettingsException;
import io.loadlens.transport.MalformedMessageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of the meter events of one meter (events schema version 1); see docs/MESSAGES.md:
 *
 * <pre>
 * {"schema":1,"meter":"KFM_1001","events":[
 *   {"kind":"GAP","start":"2024-03-01T00:15:00Z","end":"2024-03-01T01:00:00Z",
 *    "code":"PROFILE_ENTRY_MISSING","detail":"3 intervals missing"}]}
 * </pre>
 *
 * {@code code} is the name of an {@link io.loadlens.model.OperatorCode} or {@code null}. Decoding
 * checks the size limit before parsing and rejects unknown, duplicate and missing fields, trailing
 * content, unknown kinds and codes, bad times and an end before the start, naming the field.
 */
public final class EventCodec {

  /** The events schema version this codec writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  /** The MQTT v5 content type of an events message. */
  public static final String CONTENT_TYPE = "application/json";

  private final JsonFactory factory =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private final ObjectMapper mapper =
      new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final int maxBytes;

  /**
   * @param maxBytes messages above this size are refused on encode and rejected on decode
   */
  public EventCodec(int maxBytes) {
    if (maxBytes < 64) {
      throw new InvalidSettingsException("maxMessageBytes: " + maxBytes + " is below 64");
    }
    this.maxBytes = maxBytes;
  }

  /** With the readings' default limit, {@link WireCodec#DEFAULT_MAX_BYTES}. */
  public static EventCodec withDefaultLimit() {
    return new EventCodec(WireCodec.DEFAULT_MAX_BYTES);
  }

  /**
   * @throws MalformedMessageException when the encoded events exceed the size limit
   */
  public byte[] encode(EventBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + batch.events().size() * 160);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("schema", SCHEMA_VERSION);
      g.writeStringField("meter", batch.meter().value());
      g.writeArrayFieldStart("events");
      for (MeterEvent e : batch.events()) {
        g.writeStartObject();
        g.writeStringField("kind", e.kind().name());
        g.writeStringField("start", e.start().toString());
        g.writeStringField("end", e.end().toString());
        g.writeStringField("code", e.code() == null ? null : e.code().name());
        g.writeStringField("detail", e.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("JSON encoding into memory failed", e);
    }
    byte[] bytes = out.toByteArray();
    if (bytes.length > maxBytes) {
      throw new MalformedMessageException(
          "events of meter "
              + batch.meter()
              + ": encoded size "
              + bytes.length
              + " bytes exceeds the limit of "
              + maxBytes
              + " bytes; send fewer events per message");
    }
    return bytes;
  }

  /**
   * @throws MalformedMessageException naming the field when the bytes are not a valid events
   *     message of a known schema version
   */
  public EventBatch decode(byte[] payload) {
    if (payload == null || payload.length == 0) {
      throw new MalformedMessageException("payload: empty message");
    }
    if (payload.length > maxBytes) {
      throw new MalformedMessageException(
          "payload: " + payload.length + " bytes exceeds the limit of " + maxBytes + " bytes");
    }
    JsonNode root;
    try (JsonParser p = factory.createParser(payload)) {
      root = mapper.readTree(p);
    } catch (IOException e) {
      throw new MalformedMessageException("JSON: " + JsonBatchCodec.firstLine(e.getMessage()), e);
    }
    return JsonEventReader.read(root);
  }

  public int maxBytes() {
    return maxBytes;
  }
}
