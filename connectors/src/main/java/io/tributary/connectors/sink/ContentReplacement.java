package io.tributary.connectors.sink;

/**
 * A statement replaced the whole contents of a table at a time (CREATE OR REPLACE, INSERT
 * OVERWRITE, a view's redefinition): derived edges into the table last seen before then are retired
 * as of then. The statement's own edges are written as usual, at the same time.
 *
 * @param targetId the replaced table's resource id
 * @param replacedAtMillis the statement's time, epoch milliseconds
 * @param reason a {@code RetirementReason} name, {@code replaced} for a statement from the log
 */
public record ContentReplacement(String targetId, long replacedAtMillis, String reason) {}
