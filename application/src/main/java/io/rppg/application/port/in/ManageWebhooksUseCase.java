package io.rppg.application.port.in;

import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A tenant admin registers the endpoints that hear about its scans, and sees how deliveries went. */
public interface ManageWebhooksUseCase {

    /** The endpoint with its signing secret: the only time the secret is shown. */
    AdminOutcome<WebhookEndpoint> registerWebhook(Actor actor, TenantId tenant, String url, Set<String> events);

    AdminOutcome<List<WebhookEndpoint>> listWebhooks(Actor actor, TenantId tenant);

    AdminOutcome<UUID> deleteWebhook(Actor actor, TenantId tenant, UUID webhook);

    AdminOutcome<List<WebhookDelivery>> listDeliveries(Actor actor, TenantId tenant);
}
