-- Executions are counted per fingerprint, origin (the log file or history table they were read
-- from) and day (UTC), and each count is written whole, never added to: a replay after a failover or a
-- second backfill of the same range writes the same numbers again instead of counting twice. A
-- query's total is the sum of its rows. queries_seen keeps the text and first/last seen.
CREATE TABLE query_executions (
    fingerprint VARCHAR(64)   NOT NULL,
    origin      VARCHAR(1024) NOT NULL,
    day_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    executions  BIGINT        NOT NULL,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (fingerprint, origin, day_start)
);

-- Counts made before this version keep their total, under an origin of their own.
INSERT INTO query_executions (fingerprint, origin, day_start, executions, first_seen, last_seen)
SELECT fingerprint, 'counted before per-day counts', first_seen, executions, first_seen, last_seen
FROM queries_seen
WHERE executions > 0;

ALTER TABLE queries_seen DROP COLUMN executions;
