package io.tributary.connectors.sink;

/**
 * A statement that could not be analyzed, kept with why.
 *
 * @param queryId the execution's id, or null when the history has none
 * @param fingerprint its fingerprint
 * @param dialect the dialect it was analyzed in
 * @param sql the statement's text
 * @param reason the error kind and message, with line and column when known
 * @param failedAtMillis when the job gave up on it
 */
public record DeadLetter(
    String queryId,
    String fingerprint,
    String dialect,
    String sql,
    String reason,
    long failedAtMillis) {}
