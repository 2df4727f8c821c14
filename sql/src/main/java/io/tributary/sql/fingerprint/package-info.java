/**
 * Query fingerprints: a statement with literals and layout normalized away, hashed, so that the
 * jobs analyze each distinct statement once. Uses the lexer of {@code parse}.
 */
package io.tributary.sql.fingerprint;
