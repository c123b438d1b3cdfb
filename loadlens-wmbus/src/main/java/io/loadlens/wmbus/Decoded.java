package io.loadlens.wmbus;

/** What {@link TelegramDecoder#decodeLayers} made of a frame: a whole telegram or a fragment. */
public sealed interface Decoded {
  /** A telegram decoded through all its layers. */
  record Whole(WMBusTelegram telegram) implements Decoded {}

  /** A fragment of a fragmented AFL message, to be given to an {@link AflReassembler}. */
  record Part(AflFragment fragment) implements Decoded {}
}
