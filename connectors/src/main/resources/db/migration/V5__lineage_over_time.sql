-- Lineage over time: retirement of edges, replacements of a table's contents, the life of resources
-- (created, dropped, renamed) as DDL statements tell it, schemas learned from DDL, and who ran a
-- query. Runs unchanged on PostgreSQL and on H2 (PostgreSQL mode).

-- An edge retired on request (tributary retire --unseen, the stream's --retire-after): when, why,
-- and its last_seen at that moment. An execution newer than retired_seen brings it back without
-- the writer knowing: an edge counts as retired only while last_seen <= retired_seen.
ALTER TABLE lineage_edges ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lineage_edges ADD COLUMN retired_reason VARCHAR(32);
ALTER TABLE lineage_edges ADD COLUMN retired_seen TIMESTAMP WITH TIME ZONE;
-- Readers check whether any edge is retired before they add the condition to their queries.
CREATE INDEX lineage_edges_retired ON lineage_edges (retired_at);

-- A statement (or a PATCH of lineage_from_query) replaced the whole contents of a table at
-- replaced_at. Derived edges into the table or its columns whose last execution is older are
-- retired as of then, whenever they are written: a backfill of older history cannot bring them back,
-- a newer execution does.
CREATE TABLE lineage_replacements (
    target_entity UUID NOT NULL,
    replaced_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(32) NOT NULL,
    PRIMARY KEY (target_entity, replaced_at)
);

-- What DDL statements did to a resource, at the statement's time. A resource exists at a time when
-- its latest event up to then is 'created', or when it has none up to then and its first event is
-- not 'created' (it existed before the log tells of it).
CREATE TABLE resource_events (
    resource_id UUID NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    related_id  UUID,
    PRIMARY KEY (resource_id, occurred_at, kind),
    CONSTRAINT resource_events_kind CHECK (kind IN ('created', 'dropped', 'renamed'))
);

-- Columns and types registered from a CREATE TABLE / ADD COLUMN in the log, not from a catalog.
ALTER TABLE resources ADD COLUMN learned BOOLEAN DEFAULT FALSE NOT NULL;

-- Who ran a query shape on a day, for usage (distinct users).
CREATE TABLE query_users (
    fingerprint VARCHAR(64)   NOT NULL,
    user_name   VARCHAR(1024) NOT NULL,
    day_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (fingerprint, user_name, day_start)
);
