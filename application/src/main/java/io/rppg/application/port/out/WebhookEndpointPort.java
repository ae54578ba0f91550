package io.rppg.application.port.out;

import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.WebhookEndpoint;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored webhook endpoints. */
public interface WebhookEndpointPort {

    WebhookEndpoint save(WebhookEndpoint endpoint);

    List<WebhookEndpoint> findByTenant(TenantId tenant);

    Optional<WebhookEndpoint> findById(TenantId tenant, UUID id);

    void delete(TenantId tenant, UUID id);
}
