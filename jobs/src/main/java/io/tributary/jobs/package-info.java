/** Tributary jobs. */
package io.tributary.jobs;
