package io.rppg.application.fakes;

import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.DeliveryStatus;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The outbox in memory, beside the endpoints it delivers to: a delivery needs a stored endpoint and goes when its
 * endpoint is deleted; errors are kept to their first {@value #ERROR_CHARACTERS} characters; a claim hides the
 * claimed deliveries for the lease by moving their next attempt.
 */
public final class InMemoryWebhookDeliveryPort implements WebhookDeliveryPort {

    private static final int ERROR_CHARACTERS = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Key(TenantId tenant, UUID id) {
    }

    private final InMemoryWebhookEndpointPort endpoints;
    private final Map<Key, WebhookDelivery> deliveries = new LinkedHashMap<>();

    public InMemoryWebhookDeliveryPort(InMemoryWebhookEndpointPort endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public String serialize(Map<String, Object> payload) {
        return JSON.writeValueAsString(payload);
    }

    @Override
    public synchronized void save(WebhookDelivery delivery) {
        if (endpoints.findById(delivery.tenantId(), delivery.endpointId()).isEmpty()) {
            throw new IllegalStateException("no endpoint " + delivery.endpointId() + " of " + delivery.tenantId());
        }
        var key = new Key(delivery.tenantId(), delivery.id());
        var stored = deliveries.get(key);
        var error = delivery.lastError() == null || delivery.lastError().length() <= ERROR_CHARACTERS
                ? delivery.lastError() : delivery.lastError().substring(0, ERROR_CHARACTERS);
        var base = stored == null ? delivery : stored;
        deliveries.put(key, new WebhookDelivery(base.id(), base.tenantId(), base.endpointId(), base.event(),
                base.body(), delivery.status(), delivery.attempts(), delivery.nextAttemptAt(),
                delivery.lastStatusCode(), error, base.createdAt()));
    }

    @Override
    public synchronized List<DueDelivery> claimDue(Instant now, Duration lease, int max) {
        var due = live()
                .filter(delivery -> delivery.status() == DeliveryStatus.PENDING)
                .filter(delivery -> !delivery.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt))
                .limit(max)
                .toList();
        return due.stream().map(delivery -> {
            deliveries.put(new Key(delivery.tenantId(), delivery.id()), new WebhookDelivery(delivery.id(),
                    delivery.tenantId(), delivery.endpointId(), delivery.event(), delivery.body(), delivery.status(),
                    delivery.attempts(), now.plus(lease), delivery.lastStatusCode(), delivery.lastError(),
                    delivery.createdAt()));
            return new DueDelivery(delivery, endpointOf(delivery).orElseThrow());
        }).toList();
    }

    @Override
    public synchronized List<WebhookDelivery> findRecent(TenantId tenant, int max) {
        return live()
                .filter(delivery -> delivery.tenantId().equals(tenant))
                .sorted(Comparator.comparing(WebhookDelivery::createdAt).reversed())
                .limit(max)
                .toList();
    }

    /** The deliveries, less those whose endpoint was deleted: they go with it. */
    private Stream<WebhookDelivery> live() {
        deliveries.values().removeIf(delivery -> endpointOf(delivery).isEmpty());
        return deliveries.values().stream();
    }

    private Optional<WebhookEndpoint> endpointOf(WebhookDelivery delivery) {
        return endpoints.findById(delivery.tenantId(), delivery.endpointId());
    }

    @Override
    public synchronized int deleteDeliveredBefore(Instant cutoff) {
        int before = deliveries.size();
        deliveries.values().removeIf(d -> d.status() == DeliveryStatus.DELIVERED && d.createdAt().isBefore(cutoff));
        return before - deliveries.size();
    }

    /** Every stored delivery of every tenant. */
    public synchronized List<WebhookDelivery> all() {
        return List.copyOf(deliveries.values());
    }
}
