package io.loadlens.simulator.household;

import java.util.SplittableRandom;

/**
 * Deterministic derivation of sub-seeds: every random choice in the simulator is drawn from a
 * generator seeded by hashing the fleet seed with what the choice is about (meter, appliance, day),
 * so any day of any meter can be computed on its own, in any order, with the same result.
 */
public final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mixer. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A seed derived from a parent seed and the parts that name what it is for. */
  public static long derive(long seed, long... parts) {
    long h = mix64(seed + GOLDEN_GAMMA);
    for (long part : parts) {
      h = mix64(h ^ (part + GOLDEN_GAMMA));
    }
    return h;
  }

  /** A generator for the named parts of a seed. */
  public static SplittableRandom rng(long seed, long... parts) {
    return new SplittableRandom(derive(seed, parts));
  }

  /** A uniform double in [0, 1) that depends only on the seed and the parts. */
  public static double uniform(long seed, long... parts) {
    return (derive(seed, parts) >>> 11) * 0x1.0p-53;
  }
}
