package io.rppg.domain.webhook;

import io.rppg.domain.Require;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Where a tenant wants to hear about its scans. The secret signs every delivery so the receiver can tell that it
 * came from this platform and was not altered.
 */
public record WebhookEndpoint(UUID id, TenantId tenantId, String url, Set<ScanEventType> events, String secret,
                              Instant createdAt) {

    public WebhookEndpoint {
        Require.present(id, "webhook id");
        Require.present(tenantId, "tenant id");
        Require.text(url, "url", 2000);
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("url must be an http or https URL");
        }
        Require.present(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events must name at least one event");
        }
        events = Set.copyOf(EnumSet.copyOf(events));
        Require.text(secret, "secret", 200);
        Require.present(createdAt, "created at");
    }

    public boolean wants(ScanEventType event) {
        return events.contains(event);
    }

    /** Without the secret, which signs every delivery and must not reach a log. */
    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", tenantId=" + tenantId + ", url=" + url + ", events=" + events
                + ", secret=<hidden>, createdAt=" + createdAt + "]";
    }
}
