-- Users, API keys, refresh tokens and failed-login records.
--
-- Secrets are never stored: passwords as adaptive hashes, API keys and refresh tokens as SHA-256 digests.
-- Usernames and emails are unique across the platform; they are stored lower-cased.

CREATE TABLE users (
    tenant_id      UUID REFERENCES tenants (id),
    id             UUID PRIMARY KEY,
    username       VARCHAR(100) NOT NULL UNIQUE,
    email          VARCHAR(254) NOT NULL UNIQUE,
    password_hash  VARCHAR(500) NOT NULL,
    role           VARCHAR(20)  NOT NULL CHECK (role IN ('PLATFORM_ADMIN', 'TENANT_ADMIN', 'MEMBER')),
    created_at     TIMESTAMPTZ  NOT NULL,
    CHECK ((role = 'PLATFORM_ADMIN') = (tenant_id IS NULL))
);
CREATE INDEX users_by_tenant ON users (tenant_id, created_at);

CREATE TABLE api_keys (
    tenant_id     UUID         NOT NULL REFERENCES tenants (id),
    id            UUID         NOT NULL,
    name          VARCHAR(100) NOT NULL,
    prefix        VARCHAR(40)  NOT NULL,
    -- Looked up before the tenant is known, on every request that carries a key.
    secret_hash   VARCHAR(200) NOT NULL UNIQUE,
    created_by    UUID         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX api_keys_id ON api_keys (id);

CREATE TABLE refresh_tokens (
    id          UUID PRIMARY KEY,
    family_id   UUID         NOT NULL,
    user_id     UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  VARCHAR(200) NOT NULL UNIQUE,
    issued_at   TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    spent_at    TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE login_throttles (
    throttle_key   VARCHAR(400) PRIMARY KEY,
    failures       INTEGER     NOT NULL,
    last_failure   TIMESTAMPTZ NOT NULL,
    blocked_until  TIMESTAMPTZ NOT NULL
);

-- Platform admins have no tenant; only platform work sees them.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);
