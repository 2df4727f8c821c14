/**
 * The Flink jobs: {@link io.tributary.jobs.BackfillJob} (batch) and {@link
 * io.tributary.jobs.StreamingJob} (streaming), each with a {@code main} for {@code flink run -c},
 * built from the one pipeline of {@link io.tributary.jobs.pipeline}; {@link
 * io.tributary.jobs.LocalRunner} runs them on a mini cluster in this process for the commands.
 */
package io.tributary.jobs;
