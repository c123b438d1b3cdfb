package io.loadlens.dlms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Jazzer fuzz tests accept from a decoder that rejects its input: only the stack's own
 * {@link DlmsException}, with a message that says what was wrong.
 */
public final class FuzzChecks {
  private FuzzChecks() {}

  /** Runs {@code decode}; a {@link DlmsException} with a message is a clean rejection. */
  public static void rejectsOnlyWithDlmsException(Runnable decode) {
    try {
      decode.run();
    } catch (DlmsException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
    }
  }
}
