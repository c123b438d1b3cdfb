package io.loadlens.dlms.axdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.apdu.Aare;
import io.loadlens.dlms.apdu.Aarq;
import io.loadlens.dlms.apdu.ActionResponse;
import io.loadlens.dlms.apdu.DataNotification;
import io.loadlens.dlms.apdu.GetRequest;
import io.loadlens.dlms.apdu.GetResponse;
import io.loadlens.dlms.apdu.InitiateRequest;
import io.loadlens.dlms.cosem.ProfileBufferDecoder;
import io.loadlens.dlms.cosem.ProfileBufferDecoder.Role;
import io.loadlens.dlms.hdlc.HdlcDecoder;
import io.loadlens.dlms.hdlc.HdlcParameters;
import io.loadlens.dlms.security.Ciphering;
import io.loadlens.dlms.wrapper.WrapperDecoder;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated bytes into every decoder: only the stack's own {@link DlmsException} may
 * escape, and every call returns (no hang, no runaway allocation).
 */
class DecoderFuzzTest {
  static final ProfileBufferDecoder PROFILE =
      new ProfileBufferDecoder(
          new Role[] {Role.CLOCK, Role.STATUS, Role.VALUE, Role.VALUE},
          new int[] {0, 0, -1, 2},
          900);

  @Property(tries = 3000)
  void decodersFailOnlyWithDlmsExceptions(@ForAll("inputs") byte[] in) {
    survive(b -> new AxdrReader(b).value(), in);
    survive(b -> new AxdrReader(b).skipValue(), in);
    survive(GetResponse::decode, in);
    survive(GetRequest::decode, in);
    survive(ActionResponse::decode, in);
    survive(Aarq::decode, in);
    survive(Aare::decode, in);
    survive(InitiateRequest::decode, in);
    survive(DataNotification::decode, in);
    survive(Ciphering::decode, in);
    survive(HdlcParameters::decode, in);
    survive(b -> PROFILE.decode(b, 0, b.length), in);
    survive(b -> new HdlcDecoder().feed(b, 0, b.length), in);
    survive(b -> new WrapperDecoder().feed(b, 0, b.length), in);
  }

  private static void survive(Consumer<byte[]> decoder, byte[] in) {
    try {
      decoder.accept(in);
    } catch (DlmsException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  /** Random bytes, and valid encodings with one byte changed (reaches deeper states). */
  @Provide
  Arbitrary<byte[]> inputs() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> typed =
        Arbitraries.of(
                (byte) 0x01,
                (byte) 0x02,
                (byte) 0x13,
                (byte) 0x09,
                (byte) 0xC4,
                (byte) 0x60,
                (byte) 0x61,
                (byte) 0x0F,
                (byte) 0x7E,
                (byte) 0xDB,
                (byte) 0xC0)
            .flatMap(
                tag ->
                    Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMaxSize(120)
                        .map(
                            rest -> {
                              byte[] b = new byte[rest.length + 1];
                              b[0] = tag;
                              System.arraycopy(rest, 0, b, 1, rest.length);
                              return b;
                            }));
    Arbitrary<byte[]> mutated =
        AxdrRoundTripTest.value(3)
            .map(v -> new AxdrWriter().value(v).toByteArray())
            .flatMap(
                b ->
                    Arbitraries.integers()
                        .between(0, b.length - 1)
                        .flatMap(
                            i ->
                                Arbitraries.bytes()
                                    .map(
                                        x -> {
                                          byte[] c = b.clone();
                                          c[i] = x;
                                          return c;
                                        })));
    return Arbitraries.oneOf(random, typed, mutated);
  }
}
