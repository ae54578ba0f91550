-- A webhook delivery's endpoint belongs to the delivery's own tenant: the key says so, not only the application.
-- The endpoint was referenced by its id alone; it is now referenced by (tenant_id, id), which webhook_endpoints
-- already has as its primary key.
--
-- The platform only ever made deliveries for endpoints of the same tenant, so existing rows satisfy the new key.
-- A row that did not could only be a delivery across tenants; it is deleted rather than kept. Row-level security
-- would hide the rows of every tenant from this migration, hence the platform setting for this transaction.
SELECT set_config('rppg.platform', 'on', true);

DELETE FROM webhook_deliveries d
WHERE NOT EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.tenant_id = d.tenant_id AND e.id = d.endpoint_id);

ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_endpoint_id_fkey;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_endpoint_fkey
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE;

-- Deleting an endpoint cascades to its deliveries; this index finds them.
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (tenant_id, endpoint_id);
