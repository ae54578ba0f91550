package io.rppg.application.fakes;

import io.rppg.application.port.out.WebhookEndpointPort;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.WebhookEndpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Webhook endpoints in a map by id, each found only through its own tenant. */
public final class InMemoryWebhookEndpointPort implements WebhookEndpointPort {

    private final Map<UUID, WebhookEndpoint> byId = new LinkedHashMap<>();

    @Override
    public WebhookEndpoint save(WebhookEndpoint endpoint) {
        byId.put(endpoint.id(), endpoint);
        return endpoint;
    }

    @Override
    public List<WebhookEndpoint> findByTenant(TenantId tenant) {
        return byId.values().stream().filter(e -> e.tenantId().equals(tenant)).toList();
    }

    @Override
    public Optional<WebhookEndpoint> findById(TenantId tenant, UUID id) {
        return Optional.ofNullable(byId.get(id)).filter(e -> e.tenantId().equals(tenant));
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        findById(tenant, id).ifPresent(e -> byId.remove(id));
    }
}
