package io.loadlens.iec21;

/**
 * The meter did not answer in time (IEC 62056-21 clause 6.3.14: t_r, t_a): nothing is wrong with
 * what arrived, so another attempt may succeed.
 */
public class Iec21TimeoutException extends Iec21Exception {
  public Iec21TimeoutException(String message) {
    super(message);
  }

  public Iec21TimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
