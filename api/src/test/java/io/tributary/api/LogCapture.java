package io.tributary.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** The events one logger writes while this is open, from WARN up. */
final class LogCapture extends AbstractAppender implements AutoCloseable {

  private final String loggerName;
  private final List<LogEvent> events = new CopyOnWriteArrayList<>();

  LogCapture(Class<?> logger) {
    super("capture-" + logger.getSimpleName(), null, null, true, Property.EMPTY_ARRAY);
    this.loggerName = logger.getName();
    start();
    LoggerContext context = LoggerContext.getContext(false);
    Configuration config = context.getConfiguration();
    LoggerConfig loggerConfig = new LoggerConfig(loggerName, Level.WARN, false);
    loggerConfig.addAppender(this, Level.WARN, null);
    config.addLogger(loggerName, loggerConfig);
    context.updateLoggers();
  }

  @Override
  public void append(LogEvent event) {
    events.add(event.toImmutable());
  }

  List<LogEvent> events() {
    return List.copyOf(events);
  }

  void clear() {
    events.clear();
  }

  @Override
  public void close() {
    LoggerContext context = LoggerContext.getContext(false);
    context.getConfiguration().removeLogger(loggerName);
    context.updateLoggers();
    stop();
  }
}
