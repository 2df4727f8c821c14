package io.tributary.jobs.pipeline;

import io.tributary.connectors.source.QueryRecord;

/**
 * A statement with the key it is deduplicated by.
 *
 * @param key fingerprint, dialect and session defaults together: the same text under another
 *     default schema reads other tables, so it is another analysis
 * @param fingerprint the analyzer's fingerprint of the text
 * @param dialect the dialect name the statement is analyzed in
 * @param record the statement as the source delivered it
 */
public record FingerprintedQuery(
    String key, String fingerprint, String dialect, QueryRecord record) {}
