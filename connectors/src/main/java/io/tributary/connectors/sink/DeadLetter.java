package io.tributary.connectors.sink;

/**
 * A statement that could not be analyzed, on its way to the store's dead letters.
 *
 * @param queryId the execution's id, or null when the history has none
 * @param fingerprint its fingerprint, or null when it was not fingerprinted
 * @param dialect the dialect it was analyzed in
 * @param sql the statement's text
 * @param reason the error kind ({@code PARSE_ERROR}, {@code TIMEOUT}, {@code UNKNOWN_DIALECT}...)
 * @param message what went wrong, with line and column when known
 * @param failedAtMillis when the job gave up on it
 */
public record DeadLetter(
    String queryId,
    String fingerprint,
    String dialect,
    String sql,
    String reason,
    String message,
    long failedAtMillis) {}
