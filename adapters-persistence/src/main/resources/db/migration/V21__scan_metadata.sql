-- What a client attached to a scan (Nervoscan's meta_data), kept as it sent it and returned with the results.
CREATE TABLE scan_metadata (
    tenant_id   UUID         NOT NULL,
    session_id  VARCHAR(100) NOT NULL,
    metadata    JSONB        NOT NULL,
    PRIMARY KEY (tenant_id, session_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES scan_sessions (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE scan_metadata ENABLE ROW LEVEL SECURITY;
ALTER TABLE scan_metadata FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scan_metadata
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);
