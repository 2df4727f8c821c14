package io.tributary.connectors.sink;

import io.tributary.connectors.store.ResourceId;
import io.tributary.connectors.store.RetirementReason;

/**
 * A statement replaced the whole contents of a table at a time (CREATE OR REPLACE, INSERT
 * OVERWRITE, a view's redefinition): derived edges into the table last seen before then are retired
 * as of then. The statement's own edges are written as usual, at the same time.
 *
 * @param target the replaced table's resource id
 * @param replacedAtMillis the statement's time, epoch milliseconds
 * @param reason why, {@link RetirementReason#REPLACED} for a statement from the log
 */
public record ContentReplacement(
    ResourceId target, long replacedAtMillis, RetirementReason reason) {}
