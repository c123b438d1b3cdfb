package io.loadlens.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loadlens.wmbus.AflReassemblyException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fragmented AFL messages constructed per EN 13757-7 §6 (see {@link AflTelegrams}). */
class AflReassemblerTest {
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final KeyLookup KEYS = KeyLookup.single(AflTelegrams.KEY);

  private static AflFragment fragment(byte[] telegram) {
    return ((Decoded.Part) TelegramDecoder.decodeLayers(telegram, KEYS)).fragment();
  }

  private static AflReassembler reassembler() {
    return new AflReassembler(KEYS, AflReassembler.Limits.DEFAULT);
  }

  @Test
  void reassemblesThreeFragmentsIntoOneMode7MessageCheckingMacAndLength() {
    List<byte[]> f = AflTelegrams.fragments(2739, -1, 14, 12);
    AflReassembler r = reassembler();
    assertThat(r.accept(fragment(f.get(0)), T0))
        .isEqualTo(new AflReassembler.Step.Pending("ELS-12345678", 1));
    assertThat(r.accept(fragment(f.get(1)), T0))
        .isEqualTo(new AflReassembler.Step.Pending("ELS-12345678", 2));
    AflReassembler.Step.Complete c =
        (AflReassembler.Step.Complete) r.accept(fragment(f.get(2)), T0);
    WMBusTelegram t = c.telegram();
    assertThat(c.fragments()).isEqualTo(3);
    assertThat(t.checks())
        .contains("AFL reassembly (3 fragments)", "AFL message length", "AFL MAC");
    assertThat(t.security()).isEqualTo("TPL mode 7 (AES-128-CBC, KDF)");
    assertThat(t.messageCounter()).hasValue(2739);
    assertThat(t.records().get(0).value()).isCloseTo(28504.27, within(1e-6));
    assertThat(c.identity()).hasSize(f.get(0).length + f.get(1).length + f.get(2).length);
    assertThat(r.pending()).isZero();
  }

  @Test
  void decodeRefusesAFragmentOnItsOwn() {
    byte[] first = AflTelegrams.fragments(2739, -1, 14).get(0);
    assertThatThrownBy(() -> TelegramDecoder.decode(first, KEYS))
        .isInstanceOf(WMBusException.class)
        .hasMessage(
            "wM-Bus ELS-12345678: AFL fragment 1 of a fragmented message; reassemble the fragments (AflReassembler)");
  }

  @Test
  void namesTheMissingFragment() {
    List<byte[]> f = AflTelegrams.fragments(2739, -1, 14, 12);
    AflReassembler r = reassembler();
    r.accept(fragment(f.get(0)), T0);
    assertThatThrownBy(() -> r.accept(fragment(f.get(2)), T0))
        .isInstanceOf(AflReassemblyException.class)
        .hasMessage("wM-Bus ELS-12345678: AFL message dropped: missing fragment 2 (got fragment 3)")
        .extracting(e -> ((AflReassemblyException) e).reason())
        .isEqualTo(Reason.MISSING_FRAGMENT);
    assertThat(r.pending()).isZero();
  }

  @Test
  void namesAFragmentOutOfOrderWhenItsFirstNeverCame() {
    List<byte[]> f = AflTelegrams.fragments(2739, -1, 14, 12);
    assertThatThrownBy(() -> reassembler().accept(fragment(f.get(1)), T0))
        .isInstanceOf(AflReassemblyException.class)
        .hasMessage(
            "wM-Bus ELS-12345678: AFL fragment 2 out of order: no message in progress (fragment 1 is missing or its message was dropped)");
  }

  @Test
  void takesARepeatedFragmentForADuplicateAlsoAfterItsMessageCompleted() {
    List<byte[]> f = AflTelegrams.fragments(2739, -1, 14);
    AflReassembler r = reassembler();
    r.accept(fragment(f.get(0)), T0);
    assertThat(r.accept(fragment(f.get(0)), T0))
        .isEqualTo(new AflReassembler.Step.Duplicate("ELS-12345678", 1));
    assertThat(r.accept(fragment(f.get(1)), T0)).isInstanceOf(AflReassembler.Step.Complete.class);
    assertThat(r.accept(fragment(f.get(1)), T0))
        .isEqualTo(new AflReassembler.Step.Duplicate("ELS-12345678", 2));
  }

  @Test
  void dropsTheMessageWhenAFragmentIdComesAgainWithOtherBytes() {
    List<byte[]> f = AflTelegrams.fragments(2739, -1, 14, 12);
    List<byte[]> other = AflTelegrams.fragments(2739, -1, 14, 10);
    AflReassembler r = reassembler();
    r.accept(fragment(f.get(0)), T0);
    r.accept(fragment(f.get(1)), T0);
    assertThatThrownBy(() -> r.accept(fragment(other.get(1)), T0))
        .isInstanceOf(AflReassemblyException.class)
        .hasMessage(
            "wM-Bus ELS-12345678: AFL message dropped: fragment 2 received again with different bytes");
  }

  @Test
  void dropsAMessageThatGrowsPastTheSizeLimit() {
    List<byte[]> f =
        AflTelegrams.fragments(2739, -1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
    AflReassembler r =
        new AflReassembler(KEYS, new AflReassembler.Limits(4, 256, Duration.ofMinutes(1)));
    assertThatThrownBy(
            () -> {
              for (byte[] t : f) {
                r.accept(fragment(t), T0);
              }
            })
        .isInstanceOf(AflReassemblyException.class)
        .hasMessageStartingWith("wM-Bus ELS-12345678: AFL message dropped: fragment ")
        .hasMessageEndingWith("more than the limit of 256");
    assertThat(r.pending()).isZero();
  }

  @Test
  void dropsAStaleMessageAfterItsTimeLimit() {
    List<byte[]> f = AflTelegrams.fragments(2739, -1, 14);
    AflReassembler r =
        new AflReassembler(KEYS, new AflReassembler.Limits(4, 4096, Duration.ofMinutes(1)));
    r.accept(fragment(f.get(0)), T0);
    r.expire(T0.plusSeconds(60));
    assertThat(r.drainDropped()).isEmpty();
    r.expire(T0.plusSeconds(61));
    assertThat(r.drainDropped())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .hasMessage(
                        "wM-Bus ELS-12345678: AFL message dropped as stale: fragment 1 of it came, no more within PT1M"));
    assertThatThrownBy(() -> r.accept(fragment(f.get(1)), T0.plusSeconds(62)))
        .hasMessageContaining("AFL fragment 2 out of order");
  }

  @Test
  void dropsTheOldestMessageToMakeRoom() {
    byte[] first = AflTelegrams.fragments(2739, -1, 14).get(0);
    byte[] otherMeter = first.clone();
    otherMeter[4] = 0x79; // A = 12345679
    AflReassembler r =
        new AflReassembler(KEYS, new AflReassembler.Limits(1, 4096, Duration.ofMinutes(1)));
    r.accept(fragment(first), T0);
    r.accept(fragment(otherMeter), T0);
    assertThat(r.pending()).isEqualTo(1);
    assertThat(r.drainDropped())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .hasMessage(
                        "wM-Bus ELS-12345678: AFL message dropped after fragment 1 to make room: 1 messages in progress"));
  }

  @Test
  void aNewFirstFragmentDropsTheUnfinishedMessageAndStartsAgain() {
    List<byte[]> old = AflTelegrams.fragments(2739, -1, 14, 12);
    List<byte[]> next = AflTelegrams.fragments(2740, -1, 14);
    AflReassembler r = reassembler();
    r.accept(fragment(old.get(0)), T0);
    r.accept(fragment(old.get(1)), T0);
    assertThatThrownBy(() -> r.accept(fragment(next.get(0)), T0))
        .hasMessage(
            "wM-Bus ELS-12345678: AFL message dropped: missing fragment 3 (a new message began with fragment 1 after fragment 2)");
    AflReassembler.Step.Complete c =
        (AflReassembler.Step.Complete) r.accept(fragment(next.get(1)), T0);
    assertThat(c.telegram().messageCounter()).hasValue(2740);
  }

  @Test
  void checksTheMacOverTheWholeMessage() {
    List<byte[]> f = AflTelegrams.fragments(2739, -1, 14, 12);
    byte[] second = f.get(1);
    second[second.length - 1] ^= 0x01;
    AflReassembler r = reassembler();
    r.accept(fragment(f.get(0)), T0);
    r.accept(fragment(second), T0);
    assertThatThrownBy(() -> r.accept(fragment(f.get(2)), T0))
        .isInstanceOf(WMBusException.class)
        .hasMessageStartingWith("wM-Bus ELS 12345678: AFL MAC check failed");
  }

  @Test
  void checksTheMessageLengthOfTheReassembledMessage() {
    List<byte[]> f = AflTelegrams.fragments(2739, 40, 14);
    AflReassembler r = reassembler();
    r.accept(fragment(f.get(0)), T0);
    assertThatThrownBy(() -> r.accept(fragment(f.get(1)), T0))
        .isInstanceOf(WMBusException.class)
        .hasMessage("wM-Bus ELS 12345678: AFL message length ML 40 != 38 bytes after the AFL");
  }

  @Test
  void refusesMessageFieldsInALaterFragment() {
    byte[] second = AflTelegrams.fragments(2739, -1, 14).get(1);
    second[11] = 3; // AFL.L: FCL and one more byte
    second[13] |= 0x20; // FCL high byte: MCL present
    assertThatThrownBy(() -> TelegramDecoder.decodeLayers(second, KEYS))
        .isInstanceOf(WMBusException.class)
        .hasMessageContaining("AFL fragment 2 carries message fields");
  }

  @Test
  void refusesTheMoreFragmentsBitOnAnUnfragmentedMessage() {
    byte[] t = AflTelegrams.whole(2739, 0x2A);
    t[13] |= 0x40; // FCL high byte: more fragments, fragment ID 0
    assertThatThrownBy(() -> TelegramDecoder.decodeLayers(t, KEYS))
        .hasMessage(
            "wM-Bus ELS 12345678: AFL more-fragments bit set with fragment ID 0 (unfragmented)");
  }
}
