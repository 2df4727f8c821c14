-- Readers that cache the catalog (the API) check MAX(updated_at) to see whether it changed.
CREATE INDEX resources_updated_at ON resources (updated_at);
