-- Webhook endpoints and the outbox of their deliveries.
--
-- The signing secret must be readable to sign each delivery, so it is stored as it is (as Stripe and GitHub do);
-- it is shown to the tenant once, at registration.

CREATE TABLE webhook_endpoints (
    tenant_id   UUID          NOT NULL REFERENCES tenants (id),
    id          UUID          NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    events      VARCHAR(200)  NOT NULL,
    secret      VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX webhook_endpoints_id ON webhook_endpoints (id);

CREATE TABLE webhook_deliveries (
    tenant_id         UUID          NOT NULL REFERENCES tenants (id),
    id                UUID          NOT NULL,
    endpoint_id       UUID          NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event             VARCHAR(40)   NOT NULL,
    body              TEXT          NOT NULL,
    status            VARCHAR(20)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          INTEGER       NOT NULL,
    next_attempt_at   TIMESTAMPTZ   NOT NULL,
    last_status_code  INTEGER       NOT NULL,
    last_error        VARCHAR(1000),
    created_at        TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX webhook_deliveries_newest ON webhook_deliveries (tenant_id, created_at DESC);
-- The delivery worker's queue: it spans tenants by design.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';

ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_endpoints
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);

ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);
