package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sql.model.ErrorKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void everyAnalyzerErrorKindIsAReasonOfTheSameName() {
    for (ErrorKind kind : ErrorKind.values()) {
      assertThat(DeadLetterReason.of(kind).name()).isEqualTo(kind.name());
    }
  }

  @Test
  void everyReasonFitsTheStoresReasonColumn() {
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      assertThat(reason.name()).hasSizeLessThanOrEqualTo(32);
    }
  }

  @Test
  void aReplayedFailureGetsTheSameIdAndAnotherReasonAnotherOne() {
    DeadLetter first =
        DeadLetter.of("q1", "fp", "postgres", "SELEC 1", DeadLetterReason.PARSE_ERROR, "m", T);
    DeadLetter replay =
        DeadLetter.of(
            "q2", "fp", "postgres", "SELEC 1", DeadLetterReason.PARSE_ERROR, "m", T.plusSeconds(9));
    DeadLetter timeout =
        DeadLetter.of("q1", "fp", "postgres", "SELEC 1", DeadLetterReason.TIMEOUT, "m", T);

    assertThat(replay.id()).isEqualTo(first.id());
    assertThat(timeout.id()).isNotEqualTo(first.id());
  }

  @Test
  void withoutFingerprintTheQueryIdAndTextMakeTheId() {
    DeadLetter a =
        DeadLetter.of("t-0@1", null, null, "{", DeadLetterReason.UNREADABLE_RECORD, "m", T);
    DeadLetter b =
        DeadLetter.of("t-0@2", null, null, "{", DeadLetterReason.UNREADABLE_RECORD, "m", T);

    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.fingerprint()).isEmpty();
    assertThat(a.dialect()).isEmpty();
    assertThat(a.queryId()).contains("t-0@1");
  }
}
