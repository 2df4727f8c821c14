-- The lineage store. Runs unchanged on PostgreSQL and on H2 (PostgreSQL mode): plain types only,
-- no expression indexes, no database-specific defaults.

CREATE TABLE integrations (
    id         UUID PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    title      VARCHAR(1024) NOT NULL,
    type       VARCHAR(255) NOT NULL
);

-- Tables, views and columns. Ids are name-based UUIDs of (integration, database, schema, table
-- [, column]) so every writer computes the same id without asking the store.
CREATE TABLE resources (
    id             UUID PRIMARY KEY,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    title          VARCHAR(1024) NOT NULL,
    entity_type    VARCHAR(16) NOT NULL,
    type           VARCHAR(255),
    native_type    VARCHAR(255),
    schema_name    VARCHAR(1024),
    database_name  VARCHAR(1024),
    integration_id UUID REFERENCES integrations (id),
    table_id       UUID REFERENCES resources (id) ON DELETE CASCADE,
    ordinal        INTEGER,
    discovered     BOOLEAN NOT NULL,
    CONSTRAINT resources_entity_type CHECK (entity_type IN ('table', 'view', 'column'))
);
CREATE INDEX resources_table_id ON resources (table_id, ordinal);
CREATE INDEX resources_entity_type ON resources (entity_type, title);
CREATE INDEX resources_integration ON resources (integration_id);
CREATE INDEX resources_location ON resources (database_name, schema_name);

-- One row per (from_entity, to_entity, direction); each relationship is stored in both directions
-- (DOWNSTREAM source->target and UPSTREAM target->source). No foreign keys to resources: sinks
-- write edges and resources independently.
CREATE TABLE lineage_edges (
    id                UUID PRIMARY KEY,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    from_entity       UUID NOT NULL,
    to_entity         UUID NOT NULL,
    direction         VARCHAR(10) NOT NULL,
    is_manual         BOOLEAN NOT NULL,
    provenance        VARCHAR(10) NOT NULL,
    first_seen        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen         TIMESTAMP WITH TIME ZONE NOT NULL,
    query_fingerprint VARCHAR(64),
    CONSTRAINT lineage_edges_key UNIQUE (from_entity, to_entity, direction),
    CONSTRAINT lineage_edges_direction CHECK (direction IN ('UPSTREAM', 'DOWNSTREAM')),
    CONSTRAINT lineage_edges_provenance CHECK (provenance IN ('manual', 'query'))
);
CREATE INDEX lineage_edges_to_entity ON lineage_edges (to_entity, direction);
CREATE INDEX lineage_edges_page ON lineage_edges (created_at, id);

-- Derived relationships a user deleted: jobs do not write them again. Keyed by the flow
-- (source -> target), which covers both stored directions.
CREATE TABLE lineage_tombstones (
    source_entity UUID NOT NULL,
    target_entity UUID NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_entity, target_entity)
);

CREATE TABLE queries_seen (
    fingerprint VARCHAR(64) PRIMARY KEY,
    sample_sql  VARCHAR(1000000) NOT NULL,
    dialect     VARCHAR(64) NOT NULL,
    executions  BIGINT NOT NULL,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE dead_letters (
    id          UUID PRIMARY KEY,
    query_id    VARCHAR(1024),
    fingerprint VARCHAR(64),
    statement   VARCHAR(1000000) NOT NULL,
    dialect     VARCHAR(64),
    reason      VARCHAR(32) NOT NULL,
    message     VARCHAR(4000) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dead_letters_time ON dead_letters (occurred_at);

-- API tokens: only a SHA-256 of the token is kept.
CREATE TABLE api_tokens (
    id         UUID PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
