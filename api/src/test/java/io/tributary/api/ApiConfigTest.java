package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

  @Test
  void theStoreProbeTimeoutDefaultsTo2sAndMustBePositive() {
    assertThat(ApiConfig.defaults().storeProbeTimeout()).isEqualTo(Duration.ofSeconds(2));
    ApiConfig config = ApiConfig.defaults().withStoreProbeTimeout(Duration.ofMillis(500));
    assertThat(config.storeProbeTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.withPort(1).withHost("h").storeProbeTimeout())
        .isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> ApiConfig.defaults().withStoreProbeTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiConfig.defaults().withStoreProbeTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBodyReadTimeoutDefaultsTo5sAndMustBePositive() {
    assertThat(ApiConfig.defaults().bodyReadTimeout()).isEqualTo(Duration.ofSeconds(5));
    ApiConfig config = ApiConfig.defaults().withBodyReadTimeout(Duration.ofSeconds(30));
    assertThat(config.withCatalogMaxAge(Duration.ZERO).bodyReadTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> ApiConfig.defaults().withBodyReadTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
