/** A synthetic warehouse query log with a known answer, for tests, examples and benchmarks. */
package io.tributary.jobs.workload;
