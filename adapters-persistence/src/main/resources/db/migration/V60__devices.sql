-- Capture devices of a tenant (kiosk cameras, installed apps, browsers) that stream live scans. A streaming device
-- holds its stream's id and the scan session the stream feeds.
CREATE TABLE devices (
    tenant_id          UUID         NOT NULL REFERENCES tenants (id),
    id                 VARCHAR(80)  NOT NULL,
    name               VARCHAR(100) NOT NULL,
    type               VARCHAR(20)  NOT NULL,
    fps                INTEGER      NOT NULL,
    max_seconds        INTEGER      NOT NULL,
    window_seconds     INTEGER      NOT NULL,
    method             VARCHAR(20)  NOT NULL,
    input              VARCHAR(10)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    last_seen          TIMESTAMPTZ,
    current_stream_id  VARCHAR(80),
    current_session_id VARCHAR(100),
    PRIMARY KEY (tenant_id, id),
    CHECK ((current_stream_id IS NULL) = (current_session_id IS NULL))
);

ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE devices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON devices
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);
