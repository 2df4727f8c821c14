package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class JobJdbcDriversTest {

  @Test
  void aJobRunInThisProcessSharesTheProcesssDrivers() throws Exception {
    ClassLoader application = JobJdbcDrivers.class.getClassLoader();
    assertThat(JobJdbcDrivers.sharedWithTheProcess(application)).isTrue();
    // deregistering what a job in this process loaded would take the process's drivers away
    assertThat(DriverManager.getDriver("jdbc:h2:mem:x")).isNotNull();
  }

  @Test
  void aJobsOwnClassLoaderIsNotShared() throws Exception {
    try (URLClassLoader job = new URLClassLoader(new URL[0], null)) {
      assertThat(JobJdbcDrivers.sharedWithTheProcess(job)).isFalse();
    }
    try (URLClassLoader child = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
      assertThat(JobJdbcDrivers.sharedWithTheProcess(child)).isFalse();
    }
  }
}
