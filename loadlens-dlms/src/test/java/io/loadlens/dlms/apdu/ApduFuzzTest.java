package io.loadlens.dlms.apdu;

import static io.loadlens.dlms.FuzzChecks.rejectsOnlyWithDlmsException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loadlens.dlms.security.Ciphering;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the xDLMS/ACSE APDU decoders (Jazzer): the first octet picks the
 * decoders of that tag, as a receiver dispatches, including SET/ACTION block transfer,
 * general-block-transfer and the ciphered APDUs. Seeds: every Green Book APDU in {@code
 * vectors/green-book-apdus.txt} and the pushed APDUs of {@code vectors/push-notifications.txt}
 * (file names name the vector).
 */
class ApduFuzzTest {
  private static final Map<Integer, List<Consumer<byte[]>>> DECODERS =
      Map.ofEntries(
          Map.entry(Aarq.TAG, List.of(Aarq::decode)),
          Map.entry(Aare.TAG, List.of(Aare::decode)),
          Map.entry(InitiateRequest.TAG, List.of(InitiateRequest::decode)),
          Map.entry(InitiateResponse.TAG, List.of(InitiateResponse::decode)),
          Map.entry(ConfirmedServiceError.TAG, List.of(ConfirmedServiceError::decode)),
          Map.entry(DataNotification.TAG, List.of(DataNotification::decode)),
          Map.entry(GetRequest.TAG, List.of(GetRequest::decode)),
          Map.entry(GetResponse.TAG, List.of(GetResponse::decode)),
          Map.entry(SetRequest.TAG, List.of(SetRequest::decode, SetRequestBlock::decode)),
          Map.entry(SetResponse.TAG, List.of(SetResponse::decode, SetResponseBlock::decode)),
          Map.entry(ActionRequest.TAG, List.of(ActionRequest::decode, ActionRequestBlock::decode)),
          Map.entry(
              ActionResponse.TAG, List.of(ActionResponse::decode, ActionResponseBlock::decode)),
          Map.entry(ExceptionResponse.TAG, List.of(ExceptionResponse::decode)),
          Map.entry(GeneralBlockTransfer.TAG, List.of(GeneralBlockTransfer::decode)));

  @FuzzTest(maxDuration = "2m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void decodesApdu(byte[] apdu) {
    if (apdu.length == 0) {
      return;
    }
    int tag = apdu[0] & 0xFF;
    if (Ciphering.isCiphered(tag)) {
      rejectsOnlyWithDlmsException(() -> Ciphering.decode(apdu));
      return;
    }
    for (Consumer<byte[]> decoder : DECODERS.getOrDefault(tag, List.of())) {
      rejectsOnlyWithDlmsException(() -> decoder.accept(apdu));
    }
  }
}
