package io.tributary.connectors.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import org.junit.jupiter.api.Test;

class CatchUpWindowsTest {

  /** Times are offsets from here (the provider refuses a start at or before the epoch). */
  private static final long T = 1_000_000;

  @Test
  void timeBehindIsReadInLongWindowsThenOneWindowAtATime() {
    CatchUpWindows windows = new CatchUpWindows(T, 10, 5, 100);

    assertThat(windows.windowsUntil(T + 1_000))
        .isDeepEqualTo(
            windows(
                bounds(0, 100),
                bounds(100, 200),
                bounds(200, 300),
                bounds(300, 400),
                bounds(400, 500),
                bounds(500, 600),
                bounds(600, 700),
                bounds(700, 800),
                bounds(800, 900),
                bounds(900, 990)));
    // The window ending at 1,000 is not readable before 1,005 (lateness).
    assertThat(windows.windowsUntil(T + 1_004)).isEmpty();
    assertThat(windows.windowsUntil(T + 1_005)).isDeepEqualTo(windows(bounds(990, 1_000)));
    assertThat(windows.windowsUntil(T + 1_027)).isDeepEqualTo(windows(bounds(1_000, 1_020)));
    assertThat(windows.getLatestOptionalState()).isEqualTo(T + 1_020);
  }

  @Test
  void aRestoredSourceGoesOnWhereItsCheckpointWas() {
    CatchUpWindows windows = new CatchUpWindows(T, 10, 0, 3_600_000);
    windows.setOptionalState(T + 500);

    assertThat(windows.windowsUntil(T + 520)).isDeepEqualTo(windows(bounds(500, 520)));
  }

  private static Serializable[][] windows(Serializable[]... windows) {
    return windows;
  }

  private static Serializable[] bounds(long start, long end) {
    return new Serializable[] {T + start, T + end};
  }
}
