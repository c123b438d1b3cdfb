package io.loadlens.wmbus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replay protection (OMS Vol. 2, EN 13757-7 §9: the receiver keeps each meter's last message
 * counter and refuses one that does not increase). Per meter it keeps the last accepted counter and
 * the fingerprints (SHA-256) of the last {@value #RECENT} accepted telegrams, so that the same
 * telegram received again — T1 repeats, several receivers, a receiver delivering late — is a {@link
 * Verdict#DUPLICATE}, not an attack. Only counters the telegram authenticated are checked ({@link
 * WMBusTelegram#messageCounter()}), so a forged counter cannot lock a meter out.
 *
 * <p>Thread-safe. {@link #changes()} counts accepted counters, for saving the state when it changed
 * (see {@code io.loadlens.wmbus.receiver.CounterFile}).
 */
public final class MessageCounters {
  /** Accepted telegrams whose fingerprints are kept per meter. */
  public static final int RECENT = 4;

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{64}");

  /** What a telegram's counter is. */
  public enum Verdict {
    /** Higher than any before: accepted, and now the last accepted. */
    FRESH,
    /** A telegram already accepted, received again with identical bytes. */
    DUPLICATE
  }

  /**
   * One meter's state.
   *
   * @param meter {@code <MAN>-<id>}, e.g. {@code ELS-12345678}
   * @param counter the last accepted message counter (0 to 2^32-1)
   * @param recent SHA-256 fingerprints (64 upper-case hex digits) of the last accepted telegrams,
   *     newest first, at most {@value #RECENT}
   */
  public record Entry(String meter, long counter, List<String> recent) {
    public Entry {
      Objects.requireNonNull(meter, "meter");
      if (meter.isBlank() || meter.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("meter must be one word, got '" + meter + "'");
      }
      if (counter < 0 || counter > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(
            "counter of " + meter + " must be 0 to 4294967295, got " + counter);
      }
      recent = List.copyOf(recent);
      if (recent.size() > RECENT) {
        throw new IllegalArgumentException(
            "recent of " + meter + " holds " + recent.size() + " fingerprints, at most " + RECENT);
      }
      for (String r : recent) {
        if (!FINGERPRINT.matcher(r).matches()) {
          throw new IllegalArgumentException(
              "recent of " + meter + ": '" + r + "' is not a SHA-256 fingerprint (64 hex digits)");
        }
      }
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private long changes;

  public MessageCounters() {}

  /** State as saved before, e.g. by {@code CounterFile}. */
  public MessageCounters(Collection<Entry> saved) {
    for (Entry e : saved) {
      if (entries.put(e.meter(), e) != null) {
        throw new IllegalArgumentException("meter " + e.meter() + " appears twice");
      }
    }
  }

  /**
   * Checks a telegram's authenticated message counter.
   *
   * @param identity the telegram's bytes as received (link layer without CRCs; for a fragmented
   *     message all its fragments in order)
   * @throws ReplayException when the counter does not exceed the last accepted and the telegram is
   *     not one already accepted
   */
  public synchronized Verdict check(String meter, long counter, byte[] identity) {
    String fingerprint = fingerprint(identity);
    Entry e = entries.get(meter);
    if (e != null && e.recent().contains(fingerprint)) {
      return Verdict.DUPLICATE;
    }
    if (e != null && counter <= e.counter()) {
      throw new ReplayException(meter, counter, e.counter());
    }
    List<String> recent = new ArrayList<>(RECENT);
    recent.add(fingerprint);
    if (e != null) {
      recent.addAll(e.recent().subList(0, Math.min(RECENT - 1, e.recent().size())));
    }
    entries.put(meter, new Entry(meter, counter, recent));
    changes++;
    return Verdict.FRESH;
  }

  /** The last accepted counter of a meter, or -1 when none was accepted. */
  public synchronized long lastAccepted(String meter) {
    Entry e = entries.get(meter);
    return e == null ? -1 : e.counter();
  }

  /** Every meter's state, for saving. */
  public synchronized List<Entry> snapshot() {
    return List.copyOf(entries.values());
  }

  /** How many counters were accepted since this object was made. */
  public synchronized long changes() {
    return changes;
  }

  static String fingerprint(byte[] identity) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(identity))
          .toUpperCase();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
