package io.rppg.application.fakes;

import io.rppg.application.port.out.WebhookEndpointPort;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.WebhookEndpoint;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook endpoints by tenant, listed oldest first. Saving an endpoint again changes its URL and events only, as the
 * database adapter does: the secret and the time of registration stay.
 */
public final class InMemoryWebhookEndpointPort implements WebhookEndpointPort {

    private record Key(TenantId tenant, UUID id) {
    }

    private final Map<Key, WebhookEndpoint> endpoints = new LinkedHashMap<>();

    @Override
    public synchronized WebhookEndpoint save(WebhookEndpoint endpoint) {
        var key = new Key(endpoint.tenantId(), endpoint.id());
        var stored = endpoints.get(key);
        endpoints.put(key, stored == null ? endpoint : new WebhookEndpoint(stored.id(), stored.tenantId(),
                endpoint.url(), endpoint.events(), stored.secret(), stored.createdAt()));
        return endpoint;
    }

    @Override
    public synchronized List<WebhookEndpoint> findByTenant(TenantId tenant) {
        return endpoints.values().stream()
                .filter(endpoint -> endpoint.tenantId().equals(tenant))
                .sorted(Comparator.comparing(WebhookEndpoint::createdAt))
                .toList();
    }

    @Override
    public synchronized Optional<WebhookEndpoint> findById(TenantId tenant, UUID id) {
        return Optional.ofNullable(endpoints.get(new Key(tenant, id)));
    }

    @Override
    public synchronized void delete(TenantId tenant, UUID id) {
        endpoints.remove(new Key(tenant, id));
    }
}
