package io.loadlens.dlms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.apdu.ActionRequestBlock;
import io.loadlens.dlms.apdu.ActionResponse;
import io.loadlens.dlms.apdu.ActionResponseBlock;
import io.loadlens.dlms.apdu.AttributeDescriptor;
import io.loadlens.dlms.apdu.DataAccessResult;
import io.loadlens.dlms.apdu.DataBlockSa;
import io.loadlens.dlms.apdu.SetRequestBlock;
import io.loadlens.dlms.apdu.SetResponseBlock;
import io.loadlens.dlms.axdr.AxdrWriter;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.server.ConnectionPolicy;
import io.loadlens.dlms.server.FixedMeter;
import io.loadlens.dlms.server.MeterServerConfig;
import io.loadlens.dlms.server.MeterServerEngine;
import io.loadlens.dlms.server.TcpMeterServer;
import io.loadlens.model.ObisCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SET and ACTION with block transfer (Green Book 9.3.7, 9.3.8): a value or parameters longer than
 * the meter's max PDU size go in numbered blocks, each acknowledged, client against server over
 * TCP; the server's answers to blocks out of sequence; and the byte layouts.
 */
class WriteBlockTransferTest {
  static final int METER_MAX_PDU = 128;
  static final AttributeDescriptor NOTES_VALUE = new AttributeDescriptor(1, FixedMeter.NOTES, 2);

  final FixedMeter meter =
      new FixedMeter(LoopbackSessionTest.NOW, LoopbackSessionTest.ROWS, ZoneId.of("UTC"));
  final AtomicInteger requests = new AtomicInteger();
  TcpMeterServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  DlmsClient connect(SecurityLevel level) {
    MeterServerConfig cfg =
        new MeterServerConfig(
            Framing.WRAPPER,
            level,
            LoopbackSessionTest.PASSWORD,
            LoopbackSessionTest.EK,
            LoopbackSessionTest.AK,
            LoopbackSessionTest.SERVER_ST,
            1,
            17,
            METER_MAX_PDU);
    ConnectionPolicy counting =
        new ConnectionPolicy() {
          @Override
          public boolean answer(int requestIndex) {
            requests.incrementAndGet();
            return true;
          }
        };
    server = TcpMeterServer.start(new InetSocketAddress("127.0.0.1", 0), cfg, meter, counting);
    return DlmsClient.connect(
        new ClientSettings(
            "127.0.0.1",
            server.address().getPort(),
            Framing.WRAPPER,
            16,
            1,
            17,
            level,
            LoopbackSessionTest.PASSWORD,
            LoopbackSessionTest.EK,
            LoopbackSessionTest.AK,
            LoopbackSessionTest.CLIENT_ST,
            Duration.ofSeconds(5),
            1024,
            1));
  }

  static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + 3);
    }
    return b;
  }

  @ParameterizedTest
  @EnumSource(SecurityLevel.class)
  void setsAValueLongerThanTheMaxPduInDatablocks(SecurityLevel level) {
    try (DlmsClient c = connect(level)) {
      int before = requests.get();
      CosemValue big = CosemValue.Bytes.octetString(pattern(1000));
      c.set(1, FixedMeter.NOTES, 2, big);
      assertThat(meter.notes).isEqualTo(big);
      // 1003 encoded octets in blocks of at most 128 - 23 (- 21 ciphered)
      assertThat(requests.get() - before).isGreaterThanOrEqualTo(1003 / (METER_MAX_PDU - 23) + 1);
    }
  }

  @Test
  void setsAShortValueInOneNormalRequest() {
    try (DlmsClient c = connect(SecurityLevel.NONE)) {
      int before = requests.get();
      c.set(1, FixedMeter.NOTES, 2, CosemValue.Bytes.octetString(pattern(40)));
      assertThat(requests.get() - before).isEqualTo(1);
      assertThat(meter.notes).isEqualTo(CosemValue.Bytes.octetString(pattern(40)));
    }
  }

  @ParameterizedTest
  @EnumSource(SecurityLevel.class)
  void invokesAMethodWithParametersLongerThanTheMaxPduInPblocks(SecurityLevel level) {
    try (DlmsClient c = connect(level)) {
      CosemValue block =
          CosemValue.Structure.of(
              CosemValue.Int.doubleLongUnsigned(0), CosemValue.Bytes.octetString(pattern(600)));
      CosemValue ret = c.action(18, FixedMeter.IMAGE_TRANSFER, 2, block);
      assertThat(meter.imageBlocks).containsExactly(block);
      assertThat(ret).isEqualTo(CosemValue.Int.doubleLongUnsigned(1));
    }
  }

  @Test
  void reportsTheMeterRefusingALongSetAsServiceError() {
    try (DlmsClient c = connect(SecurityLevel.NONE)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> c.set(1, FixedMeter.NOTES, 3, CosemValue.Bytes.octetString(pattern(500))))
          .isInstanceOf(io.loadlens.dlms.DlmsServiceException.class)
          .hasMessageContaining("meter answered read-write-denied(3)");
    }
  }

  // --- the server engine fed blocks directly ---

  final MeterServerEngine engine =
      new MeterServerEngine(
          meter,
          new MeterServerConfig(
              Framing.WRAPPER, SecurityLevel.NONE, null, null, null, null, 1, 17, METER_MAX_PDU));

  void associateEngine() {
    ClientEngine client =
        new ClientEngine(ClientSettings.publicClient("x", 4059), new java.util.Random(1));
    client.onAare(engine.handleApdu(client.aarq()));
  }

  static DataBlockSa block(boolean last, long n, byte[] raw) {
    return new DataBlockSa(last, n, raw);
  }

  @Test
  void acknowledgesEachDatablockAndAppliesTheValueAfterTheLast() {
    associateEngine();
    byte[] value = new AxdrWriter().value(CosemValue.Bytes.octetString(pattern(20))).toByteArray();
    byte[] first =
        new SetRequestBlock(
                0xC1, NOTES_VALUE, null, block(false, 1, Arrays.copyOfRange(value, 0, 10)))
            .encode();
    assertThat(SetResponseBlock.decode(engine.handleApdu(first)))
        .isEqualTo(new SetResponseBlock(0xC1, null, 1));
    byte[] next =
        new SetRequestBlock(0xC1, null, null, block(true, 2, Arrays.copyOfRange(value, 10, 22)))
            .encode();
    assertThat(SetResponseBlock.decode(engine.handleApdu(next)))
        .isEqualTo(new SetResponseBlock(0xC1, DataAccessResult.SUCCESS, 2));
    assertThat(meter.notes).isEqualTo(CosemValue.Bytes.octetString(pattern(20)));
  }

  @Test
  void abortsASetWhoseBlockNumberSkips() {
    associateEngine();
    engine.handleApdu(
        new SetRequestBlock(0xC1, NOTES_VALUE, null, block(false, 1, new byte[] {9, 20})).encode());
    byte[] skipped = new SetRequestBlock(0xC1, null, null, block(true, 3, new byte[20])).encode();
    assertThat(SetResponseBlock.decode(engine.handleApdu(skipped)))
        .isEqualTo(new SetResponseBlock(0xC1, DataAccessResult.DATA_BLOCK_NUMBER_INVALID, 3));
    assertThat(meter.notes).isNull();
  }

  @Test
  void answersADatablockWithoutAFirstWithNoLongSetInProgress() {
    associateEngine();
    byte[] orphan = new SetRequestBlock(0xC1, null, null, block(true, 2, new byte[] {0})).encode();
    assertThat(SetResponseBlock.decode(engine.handleApdu(orphan)).result())
        .isEqualTo(DataAccessResult.NO_LONG_SET_IN_PROGRESS);
  }

  @Test
  void acknowledgesPblocksWithNextPblockAndAnswersTheLastWithTheActionResult() {
    associateEngine();
    AttributeDescriptor m = new AttributeDescriptor(18, FixedMeter.IMAGE_TRANSFER, 2);
    byte[] params =
        new AxdrWriter()
            .value(
                CosemValue.Structure.of(
                    CosemValue.Int.doubleLongUnsigned(7),
                    CosemValue.Bytes.octetString(pattern(30))))
            .toByteArray();
    byte[] first =
        new ActionRequestBlock(0xC1, m, block(false, 1, Arrays.copyOfRange(params, 0, 16)), 0)
            .encode();
    assertThat(ActionResponseBlock.decode(engine.handleApdu(first)))
        .isEqualTo(ActionResponseBlock.next(0xC1, 1));
    byte[] last =
        new ActionRequestBlock(
                0xC1, null, block(true, 2, Arrays.copyOfRange(params, 16, params.length)), 0)
            .encode();
    ActionResponse r = ActionResponse.decode(engine.handleApdu(last));
    assertThat(r.result()).isEqualTo(DataAccessResult.SUCCESS);
    assertThat(meter.imageBlocks).hasSize(1);
  }

  @Test
  void encodesSetAndActionBlocksAsTheGreenBookLaysThemOut() {
    AttributeDescriptor clock = new AttributeDescriptor(8, ObisCode.CLOCK, 2);
    assertThat(
            hex(
                new SetRequestBlock(0xC1, clock, null, block(false, 1, new byte[] {1, 2}))
                    .encode()))
        .isEqualTo(
            "c102c1" + "0008" + "0000010000ff" + "02" + "00" + "00" + "00000001" + "02" + "0102");
    assertThat(hex(new SetRequestBlock(0xC1, null, null, block(true, 2, new byte[] {3})).encode()))
        .isEqualTo("c103c1" + "01" + "00000002" + "01" + "03");
    assertThat(hex(new SetResponseBlock(0xC1, null, 1).encode())).isEqualTo("c502c1" + "00000001");
    assertThat(hex(new SetResponseBlock(0xC1, DataAccessResult.SUCCESS, 2).encode()))
        .isEqualTo("c503c1" + "00" + "00000002");
    AttributeDescriptor m = new AttributeDescriptor(18, FixedMeter.IMAGE_TRANSFER, 2);
    assertThat(hex(new ActionRequestBlock(0xC1, m, block(false, 1, new byte[] {4}), 0).encode()))
        .isEqualTo("c304c1" + "0012" + "00002c0000ff" + "02" + "00" + "00000001" + "01" + "04");
    assertThat(hex(new ActionRequestBlock(0xC1, null, block(true, 2, new byte[] {5}), 0).encode()))
        .isEqualTo("c306c1" + "01" + "00000002" + "01" + "05");
    assertThat(hex(ActionRequestBlock.next(0xC1, 3).encode())).isEqualTo("c302c1" + "00000003");
    assertThat(hex(ActionResponseBlock.next(0xC1, 1).encode())).isEqualTo("c704c1" + "00000001");
    assertThat(hex(new ActionResponseBlock(0xC1, block(true, 1, new byte[] {0, 0}), 0).encode()))
        .isEqualTo("c702c1" + "01" + "00000001" + "02" + "0000");
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
