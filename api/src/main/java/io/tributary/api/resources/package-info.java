/**
 * Thin HTTP handlers: read and check parameters, call a {@code service}, write JSON. No rules of
 * their own.
 */
package io.tributary.api.resources;
