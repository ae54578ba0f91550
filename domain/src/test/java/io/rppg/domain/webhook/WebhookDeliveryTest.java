package io.rppg.domain.webhook;

import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryTest {

    private static final Instant CREATED = Instant.parse("2026-03-15T10:00:00Z");

    private final WebhookDelivery fresh = WebhookDelivery.create(UUID.randomUUID(), new TenantId(UUID.randomUUID()),
            UUID.randomUUID(), ScanEventType.values()[0], "{}", CREATED);

    @Test
    void aReceiverThatStaysDownIsTriedWithBackOffForADayThenGivenUp() {
        var delivery = fresh;
        var previousGap = Duration.ZERO;
        while (delivery.status() == DeliveryStatus.PENDING) {
            var now = delivery.nextAttemptAt();
            delivery = delivery.afterAttempt(503, "unavailable", now, WebhookDelivery.RETRIES);
            if (delivery.status() == DeliveryStatus.PENDING) {
                var gap = Duration.between(now, delivery.nextAttemptAt());
                assertThat(gap).isGreaterThanOrEqualTo(previousGap).isLessThanOrEqualTo(Duration.ofHours(1));
                previousGap = gap;
            }
        }

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.lastStatusCode()).isEqualTo(503);
        assertThat(Duration.between(CREATED, delivery.nextAttemptAt()))
                .isGreaterThan(Duration.ofHours(23)).isLessThanOrEqualTo(WebhookDelivery.GIVE_UP_AFTER);
    }

    @Test
    void anyTwoHundredAnswerIsDelivered() {
        var delivered = fresh.afterAttempt(204, null, CREATED, WebhookDelivery.RETRIES);

        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
    }
}
