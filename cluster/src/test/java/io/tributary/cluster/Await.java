package io.tributary.cluster;

import java.time.Duration;

/** Polling for the cluster tests: a condition on a cluster's REST API, checked every 500 ms. */
final class Await {

  private Await() {}

  /** A condition that may ask the cluster. */
  interface Check {
    boolean holds() throws Exception;
  }

  /** Whether the check came true within the timeout (the assertions after it say what is off). */
  static boolean await(Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(500);
    }
    return true;
  }
}
