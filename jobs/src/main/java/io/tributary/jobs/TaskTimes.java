package io.tributary.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.runtime.metrics.MetricNames;

/**
 * Where a job on a mini cluster in this process spent its time: per task (a chain of operators),
 * the busy, back-pressured and idle milliseconds Flink's own task metrics accumulated ({@value
 * MetricNames#ACC_TASK_BUSY_TIME} and its siblings, the totals behind the dashboard's {@value
 * MetricNames#TASK_BUSY_TIME}), summed over the task's subtasks. A metric reporter collects each
 * subtask's figures when the subtask ends.
 */
public final class TaskTimes {

  private static final String REPORTER = "tributary_task_times";
  private static final Map<String, Times> TASKS = new ConcurrentHashMap<>();

  private TaskTimes() {}

  /** The Flink settings that register the reporter. */
  public static Configuration reporterSettings() {
    Configuration conf = new Configuration();
    conf.setString(
        "metrics.reporter." + REPORTER + ".factory.class", ReporterFactory.class.getName());
    return conf;
  }

  /** Forgets what earlier jobs reported. */
  public static void reset() {
    TASKS.clear();
  }

  /** One task's totals over its subtasks. */
  public record Task(String name, int subtasks, long busyMs, long backPressuredMs, long idleMs) {}

  /** The tasks of the jobs since {@link #reset()}, busiest first. */
  public static List<Task> tasks() {
    List<Task> tasks = new ArrayList<>();
    TASKS.forEach(
        (name, t) ->
            tasks.add(
                new Task(
                    name,
                    t.subtasks.intValue(),
                    t.busy.sum(),
                    t.backPressured.sum(),
                    t.idle.sum())));
    tasks.sort(Comparator.comparingLong(Task::busyMs).reversed());
    return tasks;
  }

  /** A table of {@link #tasks()}: seconds busy, back-pressured and idle, and busy per subtask. */
  public static String format(double wallSeconds) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%8s %8s %8s %6s  %s%n",
            "busy s",
            "backpr s",
            "idle s",
            "busy%",
            "task (subtasks; busy% = busy per subtask over the job's time)"));
    for (Task t : tasks()) {
      s.append(
          String.format(
              Locale.ROOT,
              "%8.1f %8.1f %8.1f %5.0f%%  %s (%d)%n",
              t.busyMs() / 1e3,
              t.backPressuredMs() / 1e3,
              t.idleMs() / 1e3,
              wallSeconds <= 0
                  ? 0
                  : 100 * t.busyMs() / 1e3 / Math.max(1, t.subtasks()) / wallSeconds,
              t.name(),
              t.subtasks()));
    }
    return s.toString();
  }

  private static final class Times {
    final LongAdder subtasks = new LongAdder();
    final LongAdder busy = new LongAdder();
    final LongAdder backPressured = new LongAdder();
    final LongAdder idle = new LongAdder();
  }

  /** Registered by {@link #reporterSettings()}; found through the service loader. */
  public static final class ReporterFactory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new Reporter();
    }
  }

  private static final class Reporter implements MetricReporter {
    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {}

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
      if (!(metric instanceof Gauge<?> gauge)) {
        return;
      }
      String task = group.getAllVariables().get("<task_name>");
      if (task == null) {
        return;
      }
      Times times = TASKS.computeIfAbsent(task, k -> new Times());
      switch (name) {
        case MetricNames.ACC_TASK_BUSY_TIME -> {
          times.busy.add(millis(gauge));
          times.subtasks.increment();
        }
        case MetricNames.ACC_TASK_BACK_PRESSURED_TIME -> times.backPressured.add(millis(gauge));
        case MetricNames.ACC_TASK_IDLE_TIME -> times.idle.add(millis(gauge));
        default -> {}
      }
    }

    private static long millis(Gauge<?> gauge) {
      return gauge.getValue() instanceof Number n ? n.longValue() : 0L;
    }
  }
}
