/**
 * The REST API over the lineage store, compatible with Secoda's Lineage API. {@link
 * io.tributary.api.LineageApi} wires it: {@code resources} (thin HTTP handlers) call {@code
 * service} (the rules), which use the store; {@code exceptions} are mapped to statuses and {@code
 * json} writes Secoda's field names.
 */
package io.tributary.api;
