package io.rppg.domain.webhook;

import io.rppg.domain.Require;
import io.rppg.domain.job.RetryPolicy;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one endpoint. The body is fixed when the event happens, so that every retry carries
 * exactly the same bytes; failed attempts are retried with back-off until the policy or {@link #GIVE_UP_AFTER}
 * runs out.
 *
 * @param lastStatusCode the receiver's HTTP status on the latest attempt, 0 when it could not be reached
 */
public record WebhookDelivery(
        UUID id,
        TenantId tenantId,
        UUID endpointId,
        ScanEventType event,
        String body,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        int lastStatusCode,
        String lastError,
        Instant createdAt) {

    /** Receivers get this long to come back before a delivery is given up. */
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /**
     * 10 s doubling to an hour, then hourly: enough attempts that {@link #GIVE_UP_AFTER}, not the count, ends a
     * delivery to a receiver that stays down (twelve attempts would have stopped after about 3.4 hours).
     */
    public static final RetryPolicy RETRIES = new RetryPolicy(40, Duration.ofSeconds(10), Duration.ofHours(1));

    public WebhookDelivery {
        Require.present(id, "delivery id");
        Require.present(tenantId, "tenant id");
        Require.present(endpointId, "endpoint id");
        Require.present(event, "event");
        Require.present(body, "body");
        Require.present(status, "status");
        Require.notNegative(attempts, "attempts");
        Require.present(nextAttemptAt, "next attempt at");
        Require.present(createdAt, "created at");
    }

    public static WebhookDelivery create(UUID id, TenantId tenant, UUID endpoint, ScanEventType event, String body,
                                         Instant now) {
        return new WebhookDelivery(id, tenant, endpoint, event, body, DeliveryStatus.PENDING, 0, now, 0, null, now);
    }

    /** Any 2xx answer counts as received. */
    public WebhookDelivery afterAttempt(int statusCode, String error, Instant now, RetryPolicy policy) {
        int tried = attempts + 1;
        if (statusCode >= 200 && statusCode < 300) {
            return with(DeliveryStatus.DELIVERED, tried, now, statusCode, null);
        }
        var next = now.plus(policy.delayAfterAttempt(tried));
        var givingUp = !policy.allowsAnotherAttemptAfter(tried) || next.isAfter(createdAt.plus(GIVE_UP_AFTER));
        return with(givingUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, tried, givingUp ? now : next,
                statusCode, error);
    }

    private WebhookDelivery with(DeliveryStatus newStatus, int tried, Instant next, int code, String error) {
        return new WebhookDelivery(id, tenantId, endpointId, event, body, newStatus, tried, next, code, error,
                createdAt);
    }
}
