/** Tributary api. */
package io.tributary.api;
