-- The live streams running now, each held by the node that runs it in memory. The node renews renewed_at while it
-- runs them; a row whose node stopped renewing is taken (FOR UPDATE SKIP LOCKED, so by one node only) and its
-- session ended by another node's sweep. A row goes when its stream ends.
CREATE TABLE live_stream_leases (
    session_id VARCHAR(100) PRIMARY KEY,
    tenant_id  UUID         NOT NULL REFERENCES tenants (id),
    stream_id  VARCHAR(80)  NOT NULL,
    node       VARCHAR(80)  NOT NULL,
    renewed_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX live_stream_leases_by_node ON live_stream_leases (node);
CREATE INDEX live_stream_leases_by_renewal ON live_stream_leases (renewed_at);

ALTER TABLE live_stream_leases ENABLE ROW LEVEL SECURITY;
ALTER TABLE live_stream_leases FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON live_stream_leases
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);
