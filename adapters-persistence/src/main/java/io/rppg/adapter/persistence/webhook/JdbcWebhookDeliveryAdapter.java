package io.rppg.adapter.persistence.webhook;

import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.WebhookDelivery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The delivery outbox. Workers on several nodes claim due rows with {@code FOR UPDATE SKIP LOCKED} and push their
 * next attempt forward by a lease, so that no two workers send the same delivery at once.
 */
@Component
class JdbcWebhookDeliveryAdapter implements WebhookDeliveryPort {

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcWebhookDeliveryAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String serialize(Map<String, Object> payload) {
        return json.writeValueAsString(payload);
    }

    @Override
    public void save(WebhookDelivery delivery) {
        var error = delivery.lastError() == null ? null
                : delivery.lastError().substring(0, Math.min(1000, delivery.lastError().length()));
        jdbc.update("""
                        INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event, body, status, attempts,
                                                        next_attempt_at, last_status_code, last_error, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (tenant_id, id) DO UPDATE SET status = EXCLUDED.status,
                            attempts = EXCLUDED.attempts, next_attempt_at = EXCLUDED.next_attempt_at,
                            last_status_code = EXCLUDED.last_status_code, last_error = EXCLUDED.last_error
                        """,
                delivery.tenantId().value(), delivery.id(), delivery.endpointId(), delivery.event().name(),
                delivery.body(), delivery.status().name(), delivery.attempts(),
                Timestamp.from(delivery.nextAttemptAt()), delivery.lastStatusCode(), error,
                Timestamp.from(delivery.createdAt()));
    }

    @Override
    public List<DueDelivery> claimDue(Instant now, Duration lease, int max) {
        var due = jdbc.query("""
                        SELECT * FROM webhook_deliveries
                        WHERE status = 'PENDING' AND next_attempt_at <= ?
                        ORDER BY next_attempt_at
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED
                        """,
                WebhookRows::delivery, Timestamp.from(now), max);
        return due.stream().map(delivery -> {
            jdbc.update("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE tenant_id = ? AND id = ?",
                    Timestamp.from(now.plus(lease)), delivery.tenantId().value(), delivery.id());
            var endpoint = jdbc.query("SELECT * FROM webhook_endpoints WHERE tenant_id = ? AND id = ?",
                    WebhookRows::endpoint, delivery.tenantId().value(), delivery.endpointId()).get(0);
            return new DueDelivery(delivery, endpoint);
        }).toList();
    }

    @Override
    public List<WebhookDelivery> findRecent(TenantId tenant, int max) {
        return jdbc.query("SELECT * FROM webhook_deliveries WHERE tenant_id = ? ORDER BY created_at DESC LIMIT ?",
                WebhookRows::delivery, tenant.value(), max);
    }

    @Override
    public int deleteDeliveredBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM webhook_deliveries WHERE status = 'DELIVERED' AND created_at < ?",
                Timestamp.from(cutoff));
    }
}
