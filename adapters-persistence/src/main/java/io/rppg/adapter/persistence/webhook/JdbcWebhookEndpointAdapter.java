package io.rppg.adapter.persistence.webhook;

import io.rppg.application.port.out.WebhookEndpointPort;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.WebhookEndpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class JdbcWebhookEndpointAdapter implements WebhookEndpointPort {

    private final JdbcTemplate jdbc;

    JdbcWebhookEndpointAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WebhookEndpoint save(WebhookEndpoint endpoint) {
        jdbc.update("""
                        INSERT INTO webhook_endpoints (tenant_id, id, url, events, secret, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (tenant_id, id) DO UPDATE SET url = EXCLUDED.url, events = EXCLUDED.events
                        """,
                endpoint.tenantId().value(), endpoint.id(), endpoint.url(), WebhookRows.events(endpoint.events()),
                endpoint.secret(), Timestamp.from(endpoint.createdAt()));
        return endpoint;
    }

    @Override
    public List<WebhookEndpoint> findByTenant(TenantId tenant) {
        return jdbc.query("SELECT * FROM webhook_endpoints WHERE tenant_id = ? ORDER BY created_at",
                WebhookRows::endpoint, tenant.value());
    }

    @Override
    public Optional<WebhookEndpoint> findById(TenantId tenant, UUID id) {
        return jdbc.query("SELECT * FROM webhook_endpoints WHERE tenant_id = ? AND id = ?",
                WebhookRows::endpoint, tenant.value(), id).stream().findFirst();
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        jdbc.update("DELETE FROM webhook_endpoints WHERE tenant_id = ? AND id = ?", tenant.value(), id);
    }
}
