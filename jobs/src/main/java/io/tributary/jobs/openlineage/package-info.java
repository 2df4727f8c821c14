/**
 * OpenLineage run events for what the jobs analyze: one COMPLETE run per writing statement, sent
 * through the openlineage-java client's transports (HTTP, file) from a bounded buffer. Uses the
 * pipeline's {@code StatementRun} records; the pipeline does not depend on this package.
 */
package io.tributary.jobs.openlineage;
