package io.tributary.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PipelineOptionsTest {

  @Test
  void theRangeIsWidenedToWholeUtcDays() {
    PipelineOptions options =
        PipelineOptions.defaults("ansi")
            .withRange(
                Instant.parse("2024-03-10T10:30:00Z"), Instant.parse("2024-03-12T00:00:01Z"));

    assertThat(options.from()).isEqualTo(Instant.parse("2024-03-10T00:00:00Z"));
    assertThat(options.to()).isEqualTo(Instant.parse("2024-03-13T00:00:00Z"));
  }

  @Test
  void boundsOnMidnightAndOpenBoundsStayAsTheyAre() {
    PipelineOptions options =
        PipelineOptions.defaults("ansi")
            .withRange(
                Instant.parse("2024-03-10T00:00:00Z"), Instant.parse("2024-03-12T00:00:00Z"));
    assertThat(options.from()).isEqualTo(Instant.parse("2024-03-10T00:00:00Z"));
    assertThat(options.to()).isEqualTo(Instant.parse("2024-03-12T00:00:00Z"));

    PipelineOptions open = PipelineOptions.defaults("ansi");
    assertThat(open.from()).isEqualTo(Instant.EPOCH);
    assertThat(open.to()).isEqualTo(Instant.ofEpochMilli(Long.MAX_VALUE));
  }
}
