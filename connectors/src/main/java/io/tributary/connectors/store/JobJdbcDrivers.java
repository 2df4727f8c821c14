package io.tributary.connectors.store;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.function.BiConsumer;

/**
 * A JDBC driver registers itself with {@code DriverManager}, a JDK class, which then holds the
 * job's class loader for good: on a session cluster every job would leave its classes behind. When
 * Flink releases the job's class loader on a TaskManager, the drivers it loaded are deregistered.
 * Every task that may load a driver (one that opens the store, and the store's writers) asks for
 * it, since a TaskManager may run only some of a job's tasks.
 */
public final class JobJdbcDrivers {

  private static final String HOOK = "tributary-deregister-jdbc-drivers";

  private JobJdbcDrivers() {}

  /**
   * Deregisters this job's JDBC drivers once the task's job ends here; once per class loader.
   *
   * @param releaseHooks Flink's {@code registerUserCodeClassLoaderReleaseHookIfAbsent} of a task's
   *     runtime context, or {@code registerReleaseHookIfAbsent} of a sink's user code class loader
   */
  public static void deregisterWithTheJob(BiConsumer<String, Runnable> releaseHooks) {
    ClassLoader jobClasses = JobJdbcDrivers.class.getClassLoader();
    if (sharedWithTheProcess(jobClasses)) {
      // a mini cluster in this process: the drivers belong to the process, not to the job
      return;
    }
    releaseHooks.accept(HOOK, () -> deregister(jobClasses));
  }

  /** Whether the job's classes were loaded by the application's own class loader, or above it. */
  static boolean sharedWithTheProcess(ClassLoader jobClasses) {
    for (ClassLoader c = ClassLoader.getSystemClassLoader(); c != null; c = c.getParent()) {
      if (c == jobClasses) {
        return true;
      }
    }
    return jobClasses == null;
  }

  static void deregister(ClassLoader jobClasses) {
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass().getClassLoader() == jobClasses) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException e) {
          // nothing else to do as the job's classes go
        }
      }
    }
  }
}
