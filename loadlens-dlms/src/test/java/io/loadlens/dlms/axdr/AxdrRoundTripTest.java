package io.loadlens.dlms.axdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.dlms.axdr.CosemValue.Array;
import io.loadlens.dlms.axdr.CosemValue.Int;
import io.loadlens.dlms.axdr.CosemValue.Structure;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AxdrRoundTripTest {

  @Property(tries = 500)
  void everyValueSurvivesEncodeDecode(@ForAll("values") CosemValue v) {
    byte[] encoded = new AxdrWriter().value(v).toByteArray();
    AxdrReader r = new AxdrReader(encoded);
    assertThat(r.value()).isEqualTo(v);
    assertThat(r.remaining()).isZero();
    assertThat(new AxdrReader(encoded).skipValue()).isEqualTo(encoded.length);
  }

  @Property(tries = 200)
  void lengthsRoundTripInEveryForm(@ForAll("lengths") int n) {
    byte[] b = new AxdrWriter().length(n).toByteArray();
    assertThat(new AxdrReader(b).length("len")).isEqualTo(n);
    assertThat(b.length)
        .isEqualTo(n < 0x80 ? 1 : n <= 0xFF ? 2 : n <= 0xFFFF ? 3 : n <= 0xFFFFFF ? 4 : 5);
  }

  @Property(tries = 100)
  void compactArrayOfStructuresRoundTrips(@ForAll("pairs") List<long[]> rows) {
    List<CosemValue> elements =
        rows.stream()
            .map(
                p ->
                    (CosemValue)
                        Structure.of(Int.longUnsigned((int) p[0]), Int.doubleLongUnsigned(p[1])))
            .toList();
    // type-description: structure(2){long-unsigned, double-long-unsigned}
    CosemValue.CompactArray c =
        new CosemValue.CompactArray(new byte[] {0x02, 0x02, 0x12, 0x06}, elements);
    byte[] encoded = new AxdrWriter().value(c).toByteArray();
    assertThat(encoded.length).isEqualTo(1 + 4 + lengthOfLength(6 * rows.size()) + 6 * rows.size());
    assertThat(new AxdrReader(encoded).value()).isEqualTo(c);
  }

  private static int lengthOfLength(int n) {
    return new AxdrWriter().length(n).size();
  }

  @Provide
  Arbitrary<long[]> pair() {
    return Arbitraries.longs()
        .between(0, 0xFFFF)
        .flatMap(a -> Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(b -> new long[] {a, b}));
  }

  @Provide
  Arbitrary<List<long[]>> pairs() {
    return pair().list().ofMinSize(1).ofMaxSize(40);
  }

  @Provide
  Arbitrary<Integer> lengths() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 0x7F),
        Arbitraries.integers().between(0x80, 0xFF),
        Arbitraries.integers().between(0x100, 0xFFFF),
        Arbitraries.integers().between(0x10000, 0xFFFFFF),
        Arbitraries.integers().between(0x1000000, Integer.MAX_VALUE));
  }

  @Provide
  Arbitrary<CosemValue> values() {
    return value(3);
  }

  static Arbitrary<CosemValue> value(int depth) {
    Arbitrary<CosemValue> leaf = leaf();
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<List<CosemValue>> kids = value(depth - 1).list().ofMaxSize(4);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, leaf),
        net.jqwik.api.Tuple.of(1, kids.map(Array::new)),
        net.jqwik.api.Tuple.of(1, kids.map(Structure::new)));
  }

  static Arbitrary<CosemValue> leaf() {
    return Arbitraries.oneOf(
        Arbitraries.just(CosemValue.NullData.INSTANCE),
        Arbitraries.of(true, false).map(CosemValue.Bool::new),
        ints(DataType.INTEGER, -128, 127),
        ints(DataType.LONG, Short.MIN_VALUE, Short.MAX_VALUE),
        ints(DataType.UNSIGNED, 0, 255),
        ints(DataType.ENUM, 0, 255),
        ints(DataType.BCD, 0, 255),
        ints(DataType.LONG_UNSIGNED, 0, 0xFFFF),
        ints(DataType.DOUBLE_LONG, Integer.MIN_VALUE, Integer.MAX_VALUE),
        ints(DataType.DOUBLE_LONG_UNSIGNED, 0, 0xFFFF_FFFFL),
        ints(DataType.LONG64, Long.MIN_VALUE, Long.MAX_VALUE),
        ints(DataType.LONG64_UNSIGNED, Long.MIN_VALUE, Long.MAX_VALUE),
        Arbitraries.floats().map(CosemValue.Float32::new),
        Arbitraries.doubles().map(CosemValue.Float64::new),
        bytes(0, 300).map(CosemValue.Bytes::octetString),
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .ofMaxLength(40)
            .map(CosemValue.Bytes::visibleString),
        Arbitraries.strings()
            .ofMaxLength(20)
            .map(
                s ->
                    new CosemValue.Bytes(
                        DataType.UTF8_STRING, s.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        bytes(12, 12).map(b -> new CosemValue.Bytes(DataType.DATE_TIME, b)),
        bytes(5, 5).map(b -> new CosemValue.Bytes(DataType.DATE, b)),
        bytes(4, 4).map(b -> new CosemValue.Bytes(DataType.TIME, b)),
        Arbitraries.integers()
            .between(0, 200)
            .flatMap(
                bits ->
                    bytes((bits + 7) / 8, (bits + 7) / 8)
                        .map(b -> new CosemValue.BitString(mask(b, bits), bits))));
  }

  private static byte[] mask(byte[] b, int bits) {
    return b;
  }

  static Arbitrary<CosemValue> ints(DataType t, long min, long max) {
    return Arbitraries.longs().between(min, max).map(v -> new Int(t, v));
  }

  static Arbitrary<byte[]> bytes(int min, int max) {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
  }
}
