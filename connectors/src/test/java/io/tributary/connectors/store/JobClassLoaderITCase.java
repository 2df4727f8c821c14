package io.tributary.connectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The store opens from a class loader of its own, as each job's classes are loaded on a Flink
 * session cluster: the JDBC driver that another class loader registered with {@code DriverManager}
 * (here the test's own) is not visible there, so the pool must load the driver by name.
 */
class JobClassLoaderITCase {

  @Test
  void theStoreOpensFromOneFreshClassLoaderAfterAnother() throws Exception {
    DriverManager.getDrivers(); // the drivers of the test's class path, registered first
    try (TestDatabase db = TestDatabase.h2()) {
      for (int job = 1; job <= 2; job++) {
        try (URLClassLoader jobClasses = isolatedClassPath()) {
          Class<?> store = jobClasses.loadClass(LineageStore.class.getName());
          assertThat(store.getClassLoader()).isSameAs(jobClasses);
          Object opened = store.getMethod("open", String.class).invoke(null, db.jdbcUrl());
          try {
            Method dataSource = store.getMethod("dataSource");
            try (var c = ((DataSource) dataSource.invoke(opened)).getConnection()) {
              assertThat(c.isValid(5)).as("job %d's connection", job).isTrue();
            }
          } finally {
            ((AutoCloseable) opened).close();
          }
        }
      }
    }
  }

  /** The test's class path, with no parent but the JDK's platform classes. */
  private static URLClassLoader isolatedClassPath() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
