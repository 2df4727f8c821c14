package io.tributary.jobs;

import io.tributary.jobs.pipeline.PipelineMetrics;
import io.tributary.jobs.pipeline.StorePipelineStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a job on a Flink mini cluster inside this process, printing progress from the job's
 * accumulators while it runs; optionally with the Flink dashboard on {@code 127.0.0.1:8081}.
 */
public final class LocalRunner {

  /** Where the dashboard listens with {@code webUi}. */
  public static final int WEB_UI_PORT = 8081;

  private final boolean webUi;
  private final PrintStream progress;
  private final Duration progressInterval;
  private final Configuration settings = new Configuration();

  public LocalRunner(boolean webUi, PrintStream progress, Duration progressInterval) {
    this.webUi = webUi;
    this.progress = progress;
    this.progressInterval = progressInterval;
  }

  /** Adds Flink settings to the mini cluster's, e.g. {@link TaskTimes#reporterSettings()}. */
  public LocalRunner with(Configuration flinkSettings) {
    settings.addAll(flinkSettings);
    return this;
  }

  /** Runs a backfill to its end and returns its summary. */
  public JobSummary backfill(JobSettings settings) throws Exception {
    StreamExecutionEnvironment env = environment(settings.parallelism());
    StorePipelineStore store = StorePipelineStore.migrated(settings.storeUrl());
    BackfillJob.define(env, settings, store);
    return run(env, BackfillJob.NAME);
  }

  /** Runs the streaming job until it fails or the process is stopped. */
  public JobSummary stream(JobSettings settings) throws Exception {
    StreamExecutionEnvironment env = environment(settings.parallelism());
    StorePipelineStore store = StorePipelineStore.migrated(settings.storeUrl());
    StreamingJob.define(env, settings, store);
    return run(env, StreamingJob.NAME);
  }

  private StreamExecutionEnvironment environment(int parallelism) {
    Configuration conf = new Configuration(settings);
    int p = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
    if (webUi) {
      conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
      conf.set(RestOptions.ADDRESS, "127.0.0.1");
      conf.set(RestOptions.PORT, WEB_UI_PORT);
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
      env.setParallelism(p);
      return env;
    }
    return StreamExecutionEnvironment.createLocalEnvironment(p, conf);
  }

  private JobSummary run(StreamExecutionEnvironment env, String name) throws Exception {
    long started = System.nanoTime();
    JobClient client = env.executeAsync(name);
    if (webUi) {
      progress.println("Flink dashboard: http://127.0.0.1:" + WEB_UI_PORT);
    }
    // The mini cluster shuts down with the job: ask only the result future once it may be done.
    CompletableFuture<JobExecutionResult> done = client.getJobExecutionResult();
    JobExecutionResult result;
    while (true) {
      try {
        result = done.get(progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        break;
      } catch (TimeoutException stillRunning) {
        printProgress(client, started);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return JobSummary.of(result.getAllAccumulatorResults(), seconds);
  }

  private void printProgress(JobClient client, long started) {
    try {
      Map<String, Object> acc = client.getAccumulators().get(5, TimeUnit.SECONDS);
      JobSummary now = JobSummary.of(acc, (System.nanoTime() - started) / 1e9);
      progress.println(
          String.format(
              Locale.ROOT,
              "[%5.0fs] statements %,d (%,.0f/s), analyzed %,d, failed %,d, edges new %,d",
              now.seconds(),
              now.statements(),
              now.rowsPerSecond(),
              now.analyzed(),
              now.failed(),
              now.edgesNew()));
    } catch (Exception e) {
      progress.println("[running] " + PipelineMetrics.STATEMENTS_IN + " not available yet");
    }
  }
}
