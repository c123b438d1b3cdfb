package io.loadlens.wmbus;

import java.util.Arrays;

/**
 * One fragment of a fragmented AFL message (EN 13757-7 §6.3.2), decoded up to its AFL header: the
 * sender, the fragment ID (1 for the first, then +1 each), whether it is the last, and the piece of
 * the message after the AFL. The first fragment also keeps the AFL message fields (MCL, KI, MCR,
 * MAC, ML) and the headers before them, from which {@link AflReassembler} decodes the whole
 * message.
 */
public final class AflFragment {
  private final String meter;
  private final String address;
  private final int fragmentId;
  private final boolean last;
  private final byte[] telegram;
  private final byte[] payload;
  private final TelegramDecoder.Context context;

  AflFragment(
      String meter,
      String address,
      int fragmentId,
      boolean last,
      byte[] telegram,
      byte[] payload,
      TelegramDecoder.Context context) {
    this.meter = meter;
    this.address = address;
    this.fragmentId = fragmentId;
    this.last = last;
    this.telegram = telegram.clone();
    this.payload = payload.clone();
    this.context = context;
  }

  /** The sender as {@code <MAN>-<id>} of the link layer, e.g. {@code ELS-12345678}. */
  public String meter() {
    return meter;
  }

  /** The link-layer address M ‖ A (8 bytes, hex), which tells the senders' fragments apart. */
  public String address() {
    return address;
  }

  public int fragmentId() {
    return fragmentId;
  }

  /** The more-fragments bit is clear: this is the message's last fragment. */
  public boolean last() {
    return last;
  }

  /** The link-layer telegram as received, without DLL CRCs (its identity for duplicates). */
  public byte[] telegram() {
    return telegram.clone();
  }

  public int telegramLength() {
    return telegram.length;
  }

  public int payloadLength() {
    return payload.length;
  }

  /** Whether {@code other} is the same telegram received again (identical bytes). */
  public boolean sameTelegram(AflFragment other) {
    return Arrays.equals(telegram, other.telegram);
  }

  int copyPayload(byte[] into, int at) {
    System.arraycopy(payload, 0, into, at, payload.length);
    return payload.length;
  }

  TelegramDecoder.Context context() {
    return context;
  }
}
