-- Custom host names a tenant's Nervoscan clients may ask scan URLs for.
CREATE TABLE tenant_domains (
    tenant_id   UUID         NOT NULL REFERENCES tenants (id),
    host_name   VARCHAR(253) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, host_name)
);
-- One host name serves one tenant.
CREATE UNIQUE INDEX tenant_domains_host ON tenant_domains (host_name);

ALTER TABLE tenant_domains ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_domains FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_domains
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);
