/**
 * A small client of Flink's REST API for {@code tributary submit}: upload the job jar, run it,
 * follow it. Uses Jackson and the JDK's HTTP client.
 */
package io.tributary.cli.flink;
