package io.rppg.application.port.out;

import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The outbox of webhook deliveries, in the database so that they survive restarts. */
public interface WebhookDeliveryPort {

    /** Serialises the payload once; every attempt sends exactly these bytes. */
    String serialize(Map<String, Object> payload);

    void save(WebhookDelivery delivery);

    /**
     * Takes up to {@code max} pending deliveries that are due, and hides them from other workers for {@code lease}
     * (a worker that dies mid-send leaves them to be retried after it).
     */
    List<DueDelivery> claimDue(Instant now, Duration lease, int max);

    List<WebhookDelivery> findRecent(TenantId tenant, int max);

    /**
     * Deletes the deliveries of every tenant that were delivered and created before {@code cutoff}; pending and
     * failed ones stay. Runs in a platform transaction.
     *
     * @return how many were deleted
     */
    int deleteDeliveredBefore(Instant cutoff);

    record DueDelivery(WebhookDelivery delivery, WebhookEndpoint endpoint) {
    }
}
