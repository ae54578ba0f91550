-- Plans, tenants, scan sessions and scan usage.
--
-- Tenant-owned tables carry tenant_id first in every index, and row-level security filters them by the tenant
-- that the application sets per transaction (rppg.tenant_id). Work that spans tenants (administration, background
-- jobs) says so explicitly with rppg.platform = 'on'. FORCE makes the rules hold for the table owner too, which is
-- the role the application connects as; only a superuser escapes them, so the application must not be one.

CREATE TABLE plans (
    id                   UUID PRIMARY KEY,
    name                 VARCHAR(100) NOT NULL UNIQUE,
    monthly_scans        INTEGER      NOT NULL CHECK (monthly_scans >= 0),
    requests_per_minute  INTEGER      NOT NULL CHECK (requests_per_minute > 0),
    max_open_sessions    INTEGER      NOT NULL CHECK (max_open_sessions > 0),
    max_upload_mb        INTEGER      NOT NULL CHECK (max_upload_mb BETWEEN 1 AND 100),
    retain_video         BOOLEAN      NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE tenants (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    plan_id     UUID         NOT NULL REFERENCES plans (id),
    status      VARCHAR(20)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE scan_sessions (
    tenant_id                 UUID             NOT NULL REFERENCES tenants (id),
    id                        VARCHAR(100)     NOT NULL,
    owner                     VARCHAR(100)     NOT NULL,
    status                    VARCHAR(20)      NOT NULL
        CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'EXPIRED')),
    created_at                TIMESTAMPTZ      NOT NULL,
    expires_at                TIMESTAMPTZ      NOT NULL,
    video_received_at         TIMESTAMPTZ,
    finished_at               TIMESTAMPTZ,
    -- vitals, present when completed
    heart_rate_bpm            DOUBLE PRECISION,
    respiratory_rate          DOUBLE PRECISION,
    respiratory_rate_missing  VARCHAR(500),
    hrv_sdnn_ms               DOUBLE PRECISION,
    hrv_rmssd_ms              DOUBLE PRECISION,
    hrv_beats                 INTEGER,
    hrv_missing               VARCHAR(500),
    snr_db                    DOUBLE PRECISION,
    stability                 DOUBLE PRECISION,
    periodicity               DOUBLE PRECISION,
    confidence                DOUBLE PRECISION,
    method                    VARCHAR(40),
    analysed_seconds          DOUBLE PRECISION,
    frames_analysed           INTEGER,
    -- failure, present when failed
    failure_code              VARCHAR(40),
    failure_message           VARCHAR(1000),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX scan_sessions_newest ON scan_sessions (tenant_id, created_at DESC, id DESC);
CREATE INDEX scan_sessions_open_by_owner ON scan_sessions (tenant_id, owner, status);

CREATE TABLE scan_usage (
    tenant_id     UUID        NOT NULL REFERENCES tenants (id),
    period_start  TIMESTAMPTZ NOT NULL,
    period_end    TIMESTAMPTZ NOT NULL,
    used          INTEGER     NOT NULL CHECK (used >= 0),
    PRIMARY KEY (tenant_id, period_start)
);

ALTER TABLE scan_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE scan_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scan_sessions
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);

ALTER TABLE scan_usage ENABLE ROW LEVEL SECURITY;
ALTER TABLE scan_usage FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scan_usage
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);
