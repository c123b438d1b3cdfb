package io.loadlens.iec21;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A meter's side of a mode C readout, fed the client's bytes and returning its answers, with the
 * requests it received recorded. Faults: no answer, a corrupt BCC, an echo of every request.
 */
final class FakeModeCMeter {
  enum Fault {
    NONE,
    SILENT,
    SILENT_AFTER_IDENTIFICATION,
    CORRUPT_BCC,
    ECHO
  }

  private final String identification;
  private final String address;
  private final String dataBlock;
  private final Fault fault;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  final List<String> requests = new ArrayList<>();

  FakeModeCMeter(String identification, String address, String dataBlock, Fault fault) {
    this.identification = identification;
    this.address = address;
    this.dataBlock = dataBlock;
    this.fault = fault;
  }

  /** The data message: STX block ETX BCC. */
  byte[] dataMessage() {
    byte[] text = ("\u0002" + dataBlock + "\u0003").getBytes(StandardCharsets.US_ASCII);
    byte[] out = java.util.Arrays.copyOf(text, text.length + 1);
    int bcc = ModeCReadout.bcc(text, 1, text.length - 1);
    out[text.length] = (byte) (fault == Fault.CORRUPT_BCC ? bcc ^ 0x01 : bcc);
    return out;
  }

  /** Takes bytes from the client; returns the meter's answer (possibly empty). */
  byte[] receive(byte[] bytes) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    if (fault == Fault.ECHO) {
      answer.writeBytes(bytes);
    }
    for (byte b : bytes) {
      pending.write(b);
      if (b != '\n') {
        continue;
      }
      String request = pending.toString(StandardCharsets.US_ASCII);
      pending.reset();
      requests.add(request);
      if (fault == Fault.SILENT) {
        continue;
      }
      if (request.equals("/?" + address + "!\r\n") || request.equals("/?!\r\n")) {
        answer.writeBytes((identification + "\r\n").getBytes(StandardCharsets.US_ASCII));
      } else if (request.charAt(0) == ModeCClient.ACK
          && fault != Fault.SILENT_AFTER_IDENTIFICATION) {
        answer.writeBytes(dataMessage());
      }
    }
    return answer.toByteArray();
  }
}
