package io.loadlens.transport.codec;

import io.loadlens.model.ReadingBatch;

/** Turns a batch into message bytes and back. Decoding is strict. */
public interface BatchCodec {

  /** Current schema version written by every codec. */
  int SCHEMA_VERSION = 1;

  byte[] encode(ReadingBatch batch);

  /**
   * @throws io.loadlens.transport.MalformedMessageException naming the field when the bytes are not
   *     a valid batch of a known schema version
   */
  ReadingBatch decode(byte[] payload);

  /** The MIME type put in the MQTT v5 content-type property. */
  String contentType();
}
