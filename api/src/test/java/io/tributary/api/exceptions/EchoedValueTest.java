package io.tributary.api.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoedValueTest {

  @Test
  void upTo100CharactersComeBackWhole() {
    assertThat(EchoedValue.of(null)).isNull();
    assertThat(EchoedValue.of("")).isEmpty();
    assertThat(EchoedValue.of("a".repeat(100))).isEqualTo("a".repeat(100));
  }

  @Test
  void longerValuesAreCutWithAnEllipsis() {
    assertThat(EchoedValue.of("a".repeat(101))).isEqualTo("a".repeat(100) + "\u2026");
    assertThat(EchoedValue.of("b".repeat(100_000))).hasSize(101).endsWith("\u2026");
  }

  @Test
  void aSurrogatePairIsNotSplit() {
    String emoji = "\ud83d\ude00";
    assertThat(EchoedValue.of("a".repeat(99) + emoji + "tail"))
        .isEqualTo("a".repeat(99) + "\u2026");
    assertThat(EchoedValue.of("a".repeat(98) + emoji + "tail"))
        .isEqualTo("a".repeat(98) + emoji + "\u2026");
  }
}
