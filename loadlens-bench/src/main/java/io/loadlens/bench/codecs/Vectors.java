package io.loadlens.bench.codecs;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The vectors the meter-interface benchmarks decode: the real telegrams the decoders are tested on
 * (loadlens-iec62056-21 src/test/resources/p1/SOURCES.md; loadlens-wmbus TelegramDecoderTest W1 and
 * W4).
 */
final class Vectors {
  private Vectors() {}

  /** DSMR 5.0 telegram, Iskra AM550 style (ndokter/dsmr_parser TELEGRAM_V5), CRC 6EEE. */
  static final byte[] DSMR50 =
      crlf(
          "/ISk5\\2MT382-1000",
          "",
          "1-3:0.2.8(50)",
          "0-0:1.0.0(170102192002W)",
          "0-0:96.1.1(4B384547303034303436333935353037)",
          "1-0:1.8.1(000004.426*kWh)",
          "1-0:1.8.2(000002.399*kWh)",
          "1-0:2.8.1(000002.444*kWh)",
          "1-0:2.8.2(000000.000*kWh)",
          "0-0:96.14.0(0002)",
          "1-0:1.7.0(00.244*kW)",
          "1-0:2.7.0(00.000*kW)",
          "0-0:96.7.21(00013)",
          "0-0:96.7.9(00000)",
          "1-0:99.97.0(0)(0-0:96.7.19)",
          "1-0:32.32.0(00000)",
          "1-0:52.32.0(00000)",
          "1-0:72.32.0(00000)",
          "1-0:32.36.0(00000)",
          "1-0:52.36.0(00000)",
          "1-0:72.36.0(00000)",
          "0-0:96.13.0()",
          "1-0:32.7.0(0230.0*V)",
          "1-0:52.7.0(0230.0*V)",
          "1-0:72.7.0(0229.0*V)",
          "1-0:31.7.0(0.48*A)",
          "1-0:51.7.0(0.44*A)",
          "1-0:71.7.0(0.86*A)",
          "1-0:21.7.0(00.070*kW)",
          "1-0:41.7.0(00.032*kW)",
          "1-0:61.7.0(00.142*kW)",
          "1-0:22.7.0(00.000*kW)",
          "1-0:42.7.0(00.000*kW)",
          "1-0:62.7.0(00.000*kW)",
          "0-1:24.1.0(003)",
          "0-1:96.1.0(3232323241424344313233343536373839)",
          "0-1:24.2.1(170102161005W)(00000.107*m3)",
          "0-2:24.1.0(003)",
          "0-2:96.1.0()",
          "!6EEE");

  /** Belgian e-MUCS 1.7.1 example (Fluvius) with 15-min peak and 3-month history, CRC 3AD7. */
  static final byte[] EMUCS171 =
      crlf(
          "/FLU5\\253769484_A",
          "",
          "0-0:96.1.4(50217)",
          "0-0:96.1.1(3153414733313031303231363035)",
          "0-0:1.0.0(200512135409S)",
          "1-0:1.8.1(000000.034*kWh)",
          "1-0:1.8.2(000015.758*kWh)",
          "1-0:2.8.1(000000.000*kWh)",
          "1-0:2.8.2(000000.011*kWh)",
          "1-0:1.4.0(02.351*kW)",
          "1-0:1.6.0(200509134558S)(02.589*kW)",
          "0-0:98.1.0(3)(1-0:1.6.0)(1-0:1.6.0)(200501000000S)(200423192538S)(03.695*kW)(200401000000S)(200305122139S)(05.980*kW)(200301000000S)(200210035421W)(04.318*kW)",
          "0-0:96.14.0(0001)",
          "1-0:1.7.0(00.000*kW)",
          "1-0:2.7.0(00.000*kW)",
          "1-0:21.7.0(00.000*kW)",
          "1-0:41.7.0(00.000*kW)",
          "1-0:61.7.0(00.000*kW)",
          "1-0:22.7.0(00.000*kW)",
          "1-0:42.7.0(00.000*kW)",
          "1-0:62.7.0(00.000*kW)",
          "1-0:32.7.0(234.7*V)",
          "1-0:52.7.0(234.7*V)",
          "1-0:72.7.0(234.7*V)",
          "1-0:31.7.0(000.00*A)",
          "1-0:51.7.0(000.00*A)",
          "1-0:71.7.0(000.00*A)",
          "0-0:96.3.10(1)",
          "0-0:17.0.0(999.9*kW)",
          "1-0:31.4.0(999*A)",
          "0-0:96.13.0()",
          "0-1:24.1.0(003)",
          "0-1:96.1.1(37464C4F32313139303333373333)",
          "0-1:24.4.0(1)",
          "0-1:24.2.3(200512134558S)(00112.384*m3)",
          "0-2:24.1.0(007)",
          "0-2:96.1.1(3853414731323334353637383930)",
          "0-2:24.2.1(200512134558S)(00872.234*m3)",
          "!3AD7");

  /** Luxembourg Smarty general-glo-ciphering frame (NEXXTLAB/go-smarty-reader), 647 bytes. */
  static final byte[] SMARTY_FRAME =
      HexFormat.of()
          .parseHex(
              "db08534147677001bd5482027a300005a8e3806ee6e639274c7bc57095f872b08dde621fb74ee81e5ebe342c93"
                  + "d8e73781fb2a1eb8710074a54fc57aa7d1d99236c42e2ec01a0324efc7f02e3ba2fa43196ca603838ab8322dff"
                  + "a83f7e83932e6007406b112b41745f38805646d53fea7a029fa79c36d9d777da8b5a03ed3ec6e485dec0c98d7d"
                  + "53c0bd175b228e01f466d9843777808503d630158c8236d868088eb13977bdfc474367e557136feb6d537f1830"
                  + "4484a014b49099a63c18d4303a4c53853a0ca8c5b0e3e805bfd8425410fab522b35a8f258b57bb1e97e2489b6f"
                  + "37071753affbb4eebca502eea592b88085ae155bcea8f732d6b0115bb9ced76be5b893b2a7efc8163c171e77c3"
                  + "d29a72b7478ed6dfe2c48bf3f9d8f895ca1cb42eaac4cb21d6eab51e77e4d6029d788427dd5bfc46bdd3e8a32d"
                  + "bb6f93b4842b073e9b6fe6e5dfc058b5f454aa3ef162bdf93cb1e0c452dbb2be4cb4c67d169e2a30618fa21654"
                  + "41b6d3c22f1c3627e35fffcf9f1947d7a6ae942fc21e246f0efc456a7889c961c93ea089eef6d1a44056baaab3"
                  + "52cbea7d7e206757af0d427064b058d57235a78f8db91ce4d60a3c6babd99a61169b172f2414f565bde0239654"
                  + "eac77552fbcc2a2fa102d7cd003ddbeb9c1f811dbc695376336e2e9d6cfc73fcb4a29446bd7ce3170e5856766b"
                  + "25e82049ee5508ec1816685f1dcec238191216dffba0647d32a1559d99640a15f24ab02172db3d564454e7a034"
                  + "6c099399b8770a9bdaa619c7c5230526d6b80499a0ee0cd4fc46a677af68ef4dee9e76b78ac8a04f431db3986f"
                  + "cfd45ee1f10799af0b794a4103735d6dda3829173f80f138a5301afdf1db8774f0c40e6e71264b334a943fc105"
                  + "52b0752f3a0d7fd80458595408f2850f17");

  static final byte[] SMARTY_KEY = HexFormat.of().parseHex("D491470F47126332B07D1923B3504188");
  static final byte[] SMARTY_AK = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");

  /** W1: OMS Vol. 2 annex N.2.1, TPL mode 5 (AES-128-CBC), gas meter ELS 12345678. */
  static final byte[] W1 =
      HexFormat.of()
          .parseHex(
              "2E4493157856341233037A2A0020255923C95AAA26D1B2E7493B013EC4A6F6D3529B520EDFF0EA6DEFC99D6D69EBF3");

  static final byte[] W1_KEY = HexFormat.of().parseHex("0102030405060708090A0B0C0D0E0F11");

  /** W4: Kamstrup Multical 21, ELL AES-CTR (wmbusmeters simulations/serial_aes.msg). */
  static final byte[] W4 =
      HexFormat.of()
          .parseHex(
              "2A442D2C998734761B168D2091D37CAC21E1D68CDAFFCD3DC452BD802913FF7B1706CA9E355D6C2701CC24");

  static final byte[] W4_KEY = HexFormat.of().parseHex("28F64A24988064A079AA2C807D6102AE");

  private static byte[] crlf(String... lines) {
    return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }
}
