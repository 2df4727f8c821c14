package io.tributary.connectors.source.jdbc;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.datasource.connections.JdbcConnectionProvider;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;

/**
 * One JDBC connection per split-fetcher thread.
 *
 * <p>{@link JdbcSource} 4.0 hands one connection provider (one connection) to all split readers of
 * a task, while Flink may close the reader of a finished split when the next split's reader already
 * runs on another fetcher thread: the close then kills the running query ("Socket closed";
 * FLINK-39206). Giving each thread its own connection keeps readers apart; a reader still closes
 * the connection it used, and a thread that reads again opens a new one.
 */
final class PerThreadConnectionProvider implements JdbcConnectionProvider {

  private static final long serialVersionUID = 1L;

  private final JdbcConnectionOptions options;
  private transient volatile ThreadLocal<SimpleJdbcConnectionProvider> providers;

  PerThreadConnectionProvider(JdbcConnectionOptions options) {
    this.options = options;
  }

  /** Replaces the shared provider {@link JdbcSource}'s builder put into {@code source}. */
  static <T> JdbcSource<T> install(JdbcSource<T> source, JdbcConnectionOptions options) {
    try {
      Field field = JdbcSource.class.getDeclaredField("connectionProvider");
      field.setAccessible(true);
      field.set(source, new PerThreadConnectionProvider(options));
      return source;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot configure the JDBC source's connections", e);
    }
  }

  private SimpleJdbcConnectionProvider current() {
    ThreadLocal<SimpleJdbcConnectionProvider> local = providers;
    if (local == null) {
      synchronized (this) {
        local = providers;
        if (local == null) {
          local = ThreadLocal.withInitial(() -> new SimpleJdbcConnectionProvider(options));
          providers = local;
        }
      }
    }
    return local.get();
  }

  @Override
  public Connection getConnection() {
    return current().getConnection();
  }

  @Override
  public Properties getProperties() {
    return current().getProperties();
  }

  @Override
  public boolean isConnectionValid() throws SQLException {
    return current().isConnectionValid();
  }

  @Override
  public Connection getOrEstablishConnection() throws SQLException, ClassNotFoundException {
    return current().getOrEstablishConnection();
  }

  @Override
  public void closeConnection() {
    current().closeConnection();
  }

  @Override
  public Connection reestablishConnection() throws SQLException, ClassNotFoundException {
    return current().reestablishConnection();
  }
}
