package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

  @Test
  void theStoreProbeTimeoutDefaultsTo2sAndMustBePositive() {
    assertThat(ApiConfig.defaults().storeProbeTimeout()).isEqualTo(Duration.ofSeconds(2));
    ApiConfig config = ApiConfig.builder().storeProbeTimeout(Duration.ofMillis(500)).build();
    assertThat(config.storeProbeTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.toBuilder().port(1).host("h").build())
        .isEqualTo(
            ApiConfig.builder()
                .host("h")
                .port(1)
                .storeProbeTimeout(Duration.ofMillis(500))
                .build());
    assertThatThrownBy(() -> ApiConfig.builder().storeProbeTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiConfig.builder().storeProbeTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBodyReadTimeoutDefaultsTo5sAndMustBePositive() {
    assertThat(ApiConfig.defaults().bodyReadTimeout()).isEqualTo(Duration.ofSeconds(5));
    ApiConfig config = ApiConfig.builder().bodyReadTimeout(Duration.ofSeconds(30)).build();
    assertThat(config.toBuilder().catalogMaxAge(Duration.ZERO).build().bodyReadTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> ApiConfig.builder().bodyReadTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
