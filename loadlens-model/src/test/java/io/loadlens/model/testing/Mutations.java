package io.loadlens.model.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Fuzzing support: random edits of real vectors (bit flips, byte changes, truncations, insertions,
 * deletions) and a per-try time limit. The number of tries is jqwik's {@code jqwik.tries.default}
 * (300 in src/test/resources/junit-platform.properties; {@code -Djqwik.tries.default=100000} for a
 * long run).
 */
public final class Mutations {
  /** Longest a single decode may take before the try counts as a hang. */
  public static final Duration LIMIT = Duration.ofSeconds(5);

  private Mutations() {}

  /** One edit at a position (taken modulo the length). */
  public record Edit(int kind, int position, byte value) {
    byte[] apply(byte[] in) {
      if (in.length == 0) {
        return new byte[] {value};
      }
      int at = Math.floorMod(position, in.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 1);
      switch (kind) {
        case 0 -> { // bit flip
          byte[] c = in.clone();
          c[at] ^= (byte) (1 << (value & 7));
          return c;
        }
        case 1 -> { // byte change
          byte[] c = in.clone();
          c[at] = value;
          return c;
        }
        case 2 -> { // truncation
          return java.util.Arrays.copyOf(in, at);
        }
        case 3 -> { // insertion
          out.write(in, 0, at);
          out.write(value);
          out.write(in, at, in.length - at);
          return out.toByteArray();
        }
        default -> { // deletion
          out.write(in, 0, at);
          out.write(in, at + 1, in.length - at - 1);
          return out.toByteArray();
        }
      }
    }
  }

  /** Up to 8 random edits of one of the vectors. */
  public static Arbitrary<byte[]> of(List<byte[]> vectors) {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 1 << 16),
                Arbitraries.bytes())
            .as(Edit::new);
    return Combinators.combine(Arbitraries.of(vectors), edit.list().ofMinSize(1).ofMaxSize(8))
        .as(
            (v, edits) -> {
              byte[] b = v;
              for (Edit e : edits) {
                b = e.apply(b);
              }
              return b;
            });
  }

  /** Random bytes, 0 to {@code max} long, biased towards the given bytes of the format. */
  public static Arbitrary<byte[]> random(int max, byte... special) {
    Arbitrary<Byte> any = Arbitraries.bytes();
    Arbitrary<Byte> marked = special.length == 0 ? any : Arbitraries.of(toList(special));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(1, marked))
        .array(byte[].class)
        .ofMaxSize(max);
  }

  private static List<Byte> toList(byte[] b) {
    List<Byte> l = new java.util.ArrayList<>();
    for (byte x : b) {
      l.add(x);
    }
    return l;
  }

  /** A decode that may throw only {@code allowed} and must end within {@link #LIMIT}. */
  public interface Call {
    void run() throws Exception;
  }

  public static void failsOnlyWith(Class<? extends Exception> allowed, Call call) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          try {
            call.run();
          } catch (Exception e) {
            if (!allowed.isInstance(e)) {
              throw new AssertionError("escaped: " + e, e);
            }
          }
        });
  }
}
