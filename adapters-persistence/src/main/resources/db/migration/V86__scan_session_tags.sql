-- Labels a tenant puts on its scans to find them again (GraphQL tagSession, sessions(filters: {tags})).
CREATE TABLE scan_session_tags (
    tenant_id   UUID         NOT NULL,
    session_id  VARCHAR(100) NOT NULL,
    tag         VARCHAR(50)  NOT NULL,
    PRIMARY KEY (tenant_id, session_id, tag),
    FOREIGN KEY (tenant_id, session_id) REFERENCES scan_sessions (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX scan_session_tags_by_tag ON scan_session_tags (tenant_id, tag);

ALTER TABLE scan_session_tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE scan_session_tags FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scan_session_tags
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);
