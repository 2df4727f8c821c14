/** Tributary connectors. */
package io.tributary.connectors;
