/** Tributary cli. */
package io.tributary.cli;
