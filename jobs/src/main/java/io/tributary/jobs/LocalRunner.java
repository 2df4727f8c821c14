package io.tributary.jobs;

import io.tributary.jobs.pipeline.PipelineMetrics;
import io.tributary.jobs.pipeline.StorePipelineStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient.JobFinalizationBehavior;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Runs a job on a Flink mini cluster inside this process, printing progress from the job's
 * accumulators while it runs; optionally with the Flink dashboard on {@code 127.0.0.1}, by default
 * on port {@value #WEB_UI_PORT}.
 *
 * <p>With the dashboard the mini cluster is started here rather than by the environment, so that it
 * outlives the job: {@link #keepDashboardUntilStopped} leaves the finished job, its metrics and
 * accumulators on view until the process is stopped. Its metrics are fetched every second (Flink's
 * default is 10 s, longer than many a stage of a small backfill).
 */
public final class LocalRunner {

  /** Where the dashboard listens by default. */
  public static final int WEB_UI_PORT = 8081;

  /** How often the dashboard's metrics and views are refreshed. */
  static final Duration DASHBOARD_REFRESH = Duration.ofSeconds(1);

  private final boolean webUi;
  private final int webUiPort;
  private final PrintStream progress;
  private final Duration progressInterval;
  private MiniCluster dashboard;
  private final Configuration flinkSettings = new Configuration();

  public LocalRunner(boolean webUi, PrintStream progress, Duration progressInterval) {
    this(webUi, WEB_UI_PORT, progress, progressInterval);
  }

  /**
   * @param webUiPort the dashboard's port on 127.0.0.1 when {@code webUi}
   */
  public LocalRunner(
      boolean webUi, int webUiPort, PrintStream progress, Duration progressInterval) {
    if (webUiPort < 1 || webUiPort > 65_535) {
      throw new IllegalArgumentException(
          "--web-ui-port " + webUiPort + " is not a port (1 to 65535)");
    }
    this.webUi = webUi;
    this.webUiPort = webUiPort;
    this.progress = progress;
    this.progressInterval = progressInterval;
  }

  /**
   * What a local run checks before anything starts: the source's local inputs exist and can be
   * read, and the dashboard's port is free. Fails with one sentence naming the flag.
   */
  public void checkBeforeStart(JobSettings settings) {
    settings.source().checkLocalInputs();
    if (webUi) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress("127.0.0.1", webUiPort));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "--web-ui-port "
                + webUiPort
                + ": the port is taken on 127.0.0.1 (another program listens there);"
                + " choose a free one with --web-ui-port");
      }
    }
  }

  /** Adds Flink settings to the mini cluster's, e.g. {@link TaskTimes#reporterSettings()}. */
  public LocalRunner with(Configuration flinkSettings) {
    this.flinkSettings.addAll(flinkSettings);
    return this;
  }

  /** Runs a backfill to its end and returns its summary. */
  public JobSummary backfill(JobSettings settings) throws Exception {
    checkBeforeStart(settings);
    StreamExecutionEnvironment env = environment(settings.parallelism());
    StorePipelineStore store = StorePipelineStore.migrated(settings.storeUrl());
    BackfillJob.define(env, settings, store);
    return run(env, BackfillJob.NAME);
  }

  /** Runs the streaming job until it fails or the process is stopped. */
  public JobSummary stream(JobSettings settings) throws Exception {
    checkBeforeStart(settings);
    StreamExecutionEnvironment env = environment(settings.parallelism());
    StorePipelineStore store = StorePipelineStore.migrated(settings.storeUrl());
    StreamingJob.define(env, settings, store);
    return run(env, StreamingJob.NAME);
  }

  private StreamExecutionEnvironment environment(int parallelism) {
    Configuration conf = new Configuration(flinkSettings);
    int p = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
    if (webUi) {
      // Only builds the job graph; the job runs on the mini cluster of submit().
      StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
      env.setParallelism(p);
      return env;
    }
    return StreamExecutionEnvironment.createLocalEnvironment(p, conf);
  }

  /** Starts the job: on the environment's own mini cluster, or on one that outlives it. */
  private JobClient submit(StreamExecutionEnvironment env, String name) throws Exception {
    if (!webUi) {
      return env.executeAsync(name);
    }
    Configuration conf = new Configuration(flinkSettings);
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.PORT, webUiPort);
    conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, DASHBOARD_REFRESH);
    conf.set(WebOptions.REFRESH_INTERVAL, DASHBOARD_REFRESH);
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(env.getParallelism())
                .build());
    cluster.start();
    dashboard = cluster;
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(name);
    JobID id = cluster.submitJob(graph.getJobGraph()).get().getJobID();
    progress.println("Flink dashboard: http://127.0.0.1:" + webUiPort);
    return new MiniClusterJobClient(
        id, cluster, LocalRunner.class.getClassLoader(), JobFinalizationBehavior.NOTHING);
  }

  /**
   * With the dashboard: keeps it up, with the finished job and its accumulators, until the process
   * is stopped (Ctrl-C) or the calling thread is interrupted, which stops the dashboard. Returns at
   * once without it.
   */
  public void keepDashboardUntilStopped() throws Exception {
    MiniCluster cluster = dashboard;
    if (cluster == null) {
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> cluster.closeAsync().join(), "stop-dashboard"));
    progress.println(
        "The job ended; its dashboard stays up on http://127.0.0.1:"
            + webUiPort
            + " until Ctrl-C.");
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      // asked to stop: close the dashboard first (closing waits), then keep the interrupt
      stopDashboard();
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the dashboard's mini cluster, if one runs. */
  public void stopDashboard() throws Exception {
    if (dashboard != null) {
      dashboard.close();
      dashboard = null;
    }
  }

  private JobSummary run(StreamExecutionEnvironment env, String name) throws Exception {
    long started = System.nanoTime();
    JobClient client = submit(env, name);
    // Without the dashboard the mini cluster shuts down with the job: ask only the result future
    // once it may be done.
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
