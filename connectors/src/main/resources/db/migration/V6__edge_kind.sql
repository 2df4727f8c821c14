-- How a column edge's value flows: 'direct' (copied, renamed or cast) or 'derived' (computed).
-- NULL for table edges, manual edges and edges written before kinds were stored. When statements
-- disagree about a pair, 'direct' wins: the kind does not depend on the order edges are written in.
ALTER TABLE lineage_edges ADD COLUMN kind VARCHAR(8);
ALTER TABLE lineage_edges ADD CONSTRAINT lineage_edges_kind CHECK (kind IN ('direct', 'derived'));
