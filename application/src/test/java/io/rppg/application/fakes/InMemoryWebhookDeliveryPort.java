package io.rppg.application.fakes;

import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.DeliveryStatus;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery outbox in a map by id, joined to the endpoints a test registers; payloads are serialised as their
 * map's text.
 */
public final class InMemoryWebhookDeliveryPort implements WebhookDeliveryPort {

    private final Map<UUID, WebhookDelivery> byId = new LinkedHashMap<>();
    private final Map<UUID, WebhookEndpoint> endpoints = new LinkedHashMap<>();

    public void register(WebhookEndpoint endpoint) {
        endpoints.put(endpoint.id(), endpoint);
    }

    @Override
    public String serialize(Map<String, Object> payload) {
        return payload.toString();
    }

    @Override
    public void save(WebhookDelivery delivery) {
        byId.put(delivery.id(), delivery);
    }

    /** Pending and due, oldest first; each claimed one is put off by the lease, as the adapter does. */
    @Override
    public List<DueDelivery> claimDue(Instant now, Duration lease, int max) {
        var due = byId.values().stream()
                .filter(d -> d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt)).limit(max).toList();
        return due.stream().map(d -> {
            byId.put(d.id(), new WebhookDelivery(d.id(), d.tenantId(), d.endpointId(), d.event(), d.body(),
                    d.status(), d.attempts(), now.plus(lease), d.lastStatusCode(), d.lastError(), d.createdAt()));
            return new DueDelivery(d, endpoints.get(d.endpointId()));
        }).toList();
    }

    @Override
    public List<WebhookDelivery> findRecent(TenantId tenant, int max) {
        return byId.values().stream().filter(d -> d.tenantId().equals(tenant))
                .sorted(Comparator.comparing(WebhookDelivery::createdAt).reversed()).limit(max).toList();
    }

    @Override
    public int deleteDeliveredBefore(Instant cutoff) {
        int before = byId.size();
        byId.values().removeIf(d -> d.status() == DeliveryStatus.DELIVERED && d.createdAt().isBefore(cutoff));
        return before - byId.size();
    }

    public List<WebhookDelivery> all() {
        return new ArrayList<>(byId.values());
    }
}
