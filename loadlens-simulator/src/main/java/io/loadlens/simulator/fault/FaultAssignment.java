package io.loadlens.simulator.fault;

import io.loadlens.model.MeterId;
import io.loadlens.simulator.household.Seeds;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides deterministically from the seed which meters get which faults: for each fault, the meters
 * are ranked by a seeded hash and the first {@code round(fraction × meters)} get it, so a fleet has
 * exactly the asked share of each fault.
 */
public final class FaultAssignment {
  private FaultAssignment() {}

  /** The faults of each meter, indexed like {@code meters}. */
  public static List<Set<FaultKind>> assign(FaultSpec spec, List<MeterId> meters, long seed) {
    int n = meters.size();
    List<Set<FaultKind>> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      result.add(EnumSet.noneOf(FaultKind.class));
    }
    for (FaultKind kind : FaultKind.values()) {
      int count = (int) Math.round(spec.fraction(kind) * n);
      if (count == 0) {
        continue;
      }
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        // rank key in the high bits, meter index in the low 20 bits (fleets up to 1,048,575)
        long hash = Seeds.derive(seed, 0xFA17L, kind.ordinal(), i) >>> 21;
        keys[i] = (hash << 20) | i;
      }
      java.util.Arrays.sort(keys);
      for (int r = 0; r < count; r++) {
        result.get((int) (keys[r] & 0xFFFFF)).add(kind);
      }
    }
    for (int i = 0; i < n; i++) {
      Set<FaultKind> pinned = spec.pinned().get(meters.get(i));
      if (pinned != null) {
        result.get(i).addAll(pinned);
      }
    }
    return result;
  }
}
