package io.loadlens.dlms.apdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.axdr.CosemDateTime;
import io.loadlens.dlms.axdr.CosemValue;
import io.loadlens.dlms.security.Ciphering;
import io.loadlens.dlms.security.SecurityControl;
import io.loadlens.dlms.security.SecuritySuite0;
import io.loadlens.model.ObisCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Green Book / public-suite vectors of /work/shared/testdata/dlms.md (copied into resources).
 */
class GreenBookVectorsTest {
  static final HexFormat HEX = HexFormat.of();
  static final byte[] EK = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
  static final byte[] AK = HEX.parseHex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
  static final byte[] SERVER_ST = HEX.parseHex("4D4D4D0000BC614E");
  static final byte[] CLIENT_ST = HEX.parseHex("4D4D4D0000000001");
  static final Map<String, byte[]> V = load();

  static Map<String, byte[]> load() {
    Map<String, byte[]> out = new HashMap<>();
    try (InputStream in =
        GreenBookVectorsTest.class.getResourceAsStream("/vectors/green-book-apdus.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split("\\|");
        out.put(p[0].trim(), HEX.parseHex(p[1].trim()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Test
  void decodesAndReencodesV09AarqVariants() {
    Aarq none = Aarq.decode(V.get("V09-aarq-no-security"));
    assertThat(none.mechanism()).isEqualTo(AuthenticationMechanism.NONE);
    InitiateRequest init = InitiateRequest.decode(none.userInformation());
    assertThat(init.conformance()).isEqualTo(0x007E1F);
    assertThat(init.maxPduSize()).isEqualTo(1200);
    assertThat(none.encode()).isEqualTo(V.get("V09-aarq-no-security"));

    Aarq lls = Aarq.decode(V.get("V09-aarq-lls"));
    assertThat(lls.mechanism()).isEqualTo(AuthenticationMechanism.LLS);
    assertThat(new String(lls.authenticationValue(), StandardCharsets.US_ASCII))
        .isEqualTo("12345678");
    assertThat(lls.encode()).isEqualTo(V.get("V09-aarq-lls"));

    Aarq hls = Aarq.decode(V.get("V09-aarq-hls-gmac"));
    assertThat(hls.mechanism()).isEqualTo(AuthenticationMechanism.HLS_GMAC);
    assertThat(new String(hls.authenticationValue(), StandardCharsets.US_ASCII))
        .isEqualTo("K56iVagY");
    assertThat(hls.encode()).isEqualTo(V.get("V09-aarq-hls-gmac"));
  }

  @Test
  void decodesAndReencodesV10AareVariants() {
    Aare ok = Aare.decode(V.get("V10-aare-accepted"));
    assertThat(ok.result()).isEqualTo(Aare.RESULT_ACCEPTED);
    InitiateResponse r = InitiateResponse.decode(ok.userInformation());
    assertThat(r.conformance()).isEqualTo(0x00501F);
    assertThat(r.maxPduSize()).isEqualTo(500);
    assertThat(ok.encode()).isEqualTo(V.get("V10-aare-accepted"));

    Aare ctx = Aare.decode(V.get("V10-aare-rejected-context"));
    assertThat(ctx.result()).isEqualTo(Aare.RESULT_REJECTED_PERMANENT);
    assertThat(ctx.diagnostic()).isEqualTo(Aare.DIAG_CONTEXT_NOT_SUPPORTED);

    Aare version = Aare.decode(V.get("V10-aare-rejected-version"));
    assertThat(version.userInformation()).isEqualTo(HEX.parseHex("0E010601"));

    Aare hls = Aare.decode(V.get("V10-aare-hls-authentication-required"));
    assertThat(hls.diagnostic()).isEqualTo(Aare.DIAG_AUTHENTICATION_REQUIRED);
    assertThat(hls.mechanism()).isEqualTo(AuthenticationMechanism.HLS_GMAC);
    assertThat(new String(hls.authenticationValue(), StandardCharsets.US_ASCII))
        .isEqualTo("P6wRJ21F");
    assertThat(hls.encode()).isEqualTo(V.get("V10-aare-hls-authentication-required"));
  }

  @Test
  void rejectsV09AsPublishedWithItsMissingOctetNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Aarq.decode(V.get("V09-aarq-as-published")))
        .isInstanceOf(io.loadlens.dlms.DlmsFramingException.class)
        .hasMessage("A-XDR AARQ length 29 at offset 1 exceeds remaining 28 bytes");
  }

  @Test
  void decodesV03AndV04InitiateOfHdlcCapture() {
    InitiateRequest req =
        InitiateRequest.decode(Aarq.decode(V.get("V03-aarq-initiate")).userInformation());
    assertThat(req.conformance()).isEqualTo(0x001E1D);
    assertThat(req.maxPduSize()).isEqualTo(0xFFFF);
    InitiateResponse resp =
        InitiateResponse.decode(Aare.decode(V.get("V04-aare-initiate")).userInformation());
    // dlms.md says 1200, but the octets 04C8 are 1224
    assertThat(resp.maxPduSize()).isEqualTo(0x04C8);
    assertThat(resp.vaaName()).isEqualTo(InitiateResponse.VAA_LN);
  }

  @Test
  void computesV11HlsGmacPass3Tag() {
    byte[] tag =
        SecuritySuite0.gmac(CLIENT_ST, 1, EK, AK, "P6wRJ21F".getBytes(StandardCharsets.US_ASCII));
    assertThat(HEX.formatHex(tag)).isEqualToIgnoringCase("1A52FE7DD3E72748973C1E28");
  }

  @Test
  void encodesV11DerivedPass3ActionRequest() {
    byte[] f = HEX.parseHex("10000000011A52FE7DD3E72748973C1E28");
    byte[] apdu =
        new ActionRequest(
                0xC1,
                new AttributeDescriptor(15, ObisCode.CURRENT_ASSOCIATION, 1),
                CosemValue.Bytes.octetString(f))
            .encode();
    assertThat(apdu).isEqualTo(V.get("V11-pass3-action-request-derived"));
    assertThat(ActionRequest.decode(apdu).parameters()).isEqualTo(CosemValue.Bytes.octetString(f));
  }

  @Test
  void clientReportsV10VersionTooLowRejectionWithItsStandardName() {
    io.loadlens.dlms.client.ClientEngine engine =
        new io.loadlens.dlms.client.ClientEngine(
            io.loadlens.dlms.client.ClientSettings.publicClient("meter", 4059),
            new java.util.Random(1));
    engine.aarq();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> engine.onAare(V.get("V10-aare-rejected-version")))
        .isInstanceOf(io.loadlens.dlms.DlmsAuthenticationException.class)
        .hasMessageContaining("initiateError / initiate:dlms-version-too-low(1)");
  }

  @Test
  void encryptsAndDecryptsV13GloGetRequest() {
    byte[] plain = HEX.parseHex("C0010000080000010000FF0200");
    byte[] info =
        SecuritySuite0.protect(SecurityControl.AUTH_ENC, SERVER_ST, 0x01234567L, EK, AK, plain);
    byte[] apdu = Ciphering.encode(0xC8, SecurityControl.AUTH_ENC, 0x01234567L, info);
    assertThat(apdu).isEqualTo(V.get("V13-glo-get-request-sc30"));
    Ciphering.Ciphered c = Ciphering.decode(V.get("V13-glo-get-request-sc30"));
    byte[] back =
        SecuritySuite0.unprotect(c.sc(), SERVER_ST, c.ic(), EK, AK, c.info(), 0, c.info().length);
    assertThat(back).isEqualTo(plain);
    GetRequest.Normal g = (GetRequest.Normal) GetRequest.decode(back);
    assertThat(g.attribute()).isEqualTo(new AttributeDescriptor(8, ObisCode.CLOCK, 2));
  }

  @Test
  void encryptsV14WithoutTagAsGcmCounterMode() {
    byte[] plain = HEX.parseHex("C0010000080000010000FF0200");
    byte[] info =
        SecuritySuite0.protect(SecurityControl.ENC, SERVER_ST, 0x01234567L, EK, AK, plain);
    assertThat(Ciphering.encode(0xC8, SecurityControl.ENC, 0x01234567L, info))
        .isEqualTo(V.get("V14-glo-get-request-sc20"));
  }

  @Test
  void decryptsV15CipheredAarqInitiateRequestWithDedicatedKey() {
    Aarq aarq = Aarq.decode(V.get("V15-aarq-ciphered-lls"));
    assertThat(aarq.context()).isEqualTo(ApplicationContext.LN_CIPHERED);
    assertThat(aarq.callingApTitle()).isEqualTo(SERVER_ST);
    Ciphering.Ciphered c = Ciphering.decode(aarq.userInformation());
    assertThat(c.tag()).isEqualTo(0x21);
    byte[] plain =
        SecuritySuite0.unprotect(
            c.sc(), aarq.callingApTitle(), c.ic(), EK, AK, c.info(), 0, c.info().length);
    InitiateRequest init = InitiateRequest.decode(plain);
    assertThat(HEX.formatHex(init.dedicatedKey()))
        .isEqualToIgnoringCase("00112233445566778899AABBCCDDEEFF");
    assertThat(init.conformance()).isEqualTo(0x007E1F);
    assertThat(init.maxPduSize()).isEqualTo(1200);
  }

  @Test
  void decodesV17RangeDescriptorAndReencodesIt() {
    GetRequest.Normal g = (GetRequest.Normal) GetRequest.decode(V.get("V17-get-request-range"));
    assertThat(g.invokeIdAndPriority()).isEqualTo(0xC1);
    assertThat(g.attribute()).isEqualTo(new AttributeDescriptor(7, ObisCode.LOAD_PROFILE_1, 2));
    assertThat(g.access().selector()).isEqualTo(SelectiveAccess.RANGE_DESCRIPTOR);
    CosemValue.Structure p = (CosemValue.Structure) g.access().parameters();
    CosemValue.Structure restricting = (CosemValue.Structure) p.get(0);
    assertThat(ObisCode.fromBytes(((CosemValue.Bytes) restricting.get(1)).value()))
        .isEqualTo(ObisCode.CLOCK);
    CosemDateTime from = CosemDateTime.decode(((CosemValue.Bytes) p.get(1)).value(), 0);
    assertThat(from.deviation()).isEqualTo(-60);
    assertThat(from.status()).isEqualTo(0x80);
    assertThat(from.toInstant(ZoneOffset.UTC)).contains(Instant.parse("2017-09-30T23:00:00Z"));
    assertThat(((CosemValue.Array) p.get(3)).elements()).isEmpty();
    assertThat(g.encode()).isEqualTo(V.get("V17-get-request-range"));
  }

  @Test
  void decodesV18LastBlockHeader() {
    byte[] prefix = V.get("V18-last-block-prefix");
    // the source gives only the prefix of the 380-octet block: check the header fields by hand
    assertThat(prefix[1]).isEqualTo((byte) 2);
    GetResponse.WithDataBlock b =
        (GetResponse.WithDataBlock)
            GetResponse.decode(
                new GetResponse.WithDataBlock(0xC1, true, 0x13, new byte[] {1, 2}, null).encode());
    assertThat(b.lastBlock()).isTrue();
    assertThat(b.blockNumber()).isEqualTo(19);
    assertThat(HEX.formatHex(prefix, 0, 9)).isEqualToIgnoringCase("C402C10100000013" + "00");
  }
}
