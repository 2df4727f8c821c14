package io.tributary.api.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrictPercentDecoderTest {

  @Test
  void decodesWellFormedEscapesInEitherCase() {
    assertThat(StrictPercentDecoder.decode("caf%C3%A9+%e2%82%ac", true)).isEqualTo("café €");
    assertThat(StrictPercentDecoder.decode("a+b", false)).isEqualTo("a+b");
    assertThat(StrictPercentDecoder.decode("%F0%9F%98%80", false)).isEqualTo("\ud83d\ude00");
    assertThat(StrictPercentDecoder.decode("déjà", true)).isEqualTo("déjà");
    assertThat(StrictPercentDecoder.decode("", true)).isEmpty();
  }

  @Test
  void refusesAPercentWithoutTwoHexDigits() {
    for (String[] bad :
        new String[][] {
          {"%ZZ", "%ZZ"}, {"abc%", "%"}, {"%4", "%4"}, {"%4g1", "%4g"}, {"%%41", "%%4"}
        }) {
      assertThatThrownBy(() -> StrictPercentDecoder.decode(bad[0], true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("has a malformed percent escape: \"" + bad[1] + "\"");
    }
    // Fullwidth digits are digits to Character.digit, not hex to a URL.
    assertThatThrownBy(() -> StrictPercentDecoder.decode("%\uff14\uff11", true))
        .hasMessageStartingWith("has a malformed percent escape");
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    for (String bad : new String[] {"%E0%A4", "%C3%28", "%C0%AF", "%ED%A0%80", "%FF", "%80"}) {
      assertThatThrownBy(() -> StrictPercentDecoder.decode(bad, true))
          .as(bad)
          .hasMessage("is not valid UTF-8 once percent-decoded");
    }
  }

  @Test
  void refusesNul() {
    assertThatThrownBy(() -> StrictPercentDecoder.decode("a%00b", true))
        .hasMessage("must not contain NUL (%00)");
  }
}
