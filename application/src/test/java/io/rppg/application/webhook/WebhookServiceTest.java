package io.rppg.application.webhook;

import io.rppg.application.fakes.DirectTransactions;
import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.fakes.InMemoryWebhookDeliveryPort;
import io.rppg.application.fakes.InMemoryWebhookEndpointPort;
import io.rppg.application.fakes.SequentialIds;
import io.rppg.application.port.out.WebhookSenderPort;
import io.rppg.application.service.webhook.WebhookService;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.DeliveryStatus;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The service hands each due delivery to the sender with what signing it needs, and records the answer. */
class WebhookServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());

    private final FixedClock clock = new FixedClock(NOW);
    private final InMemoryWebhookDeliveryPort deliveries = new InMemoryWebhookDeliveryPort();
    private final List<WebhookSenderPort.OutgoingWebhook> sent = new ArrayList<>();
    private int answer = 200;
    private final WebhookSenderPort sender = new WebhookSenderPort() {
        @Override
        public Optional<String> refusalFor(String url) {
            return url.contains("internal") ? Optional.of("url resolves to a private address") : Optional.empty();
        }

        @Override
        public SendResult send(OutgoingWebhook webhook) {
            sent.add(webhook);
            return new SendResult(answer, answer == 200 ? null : "the receiver answered " + answer);
        }
    };
    private final WebhookService service = new WebhookService(new InMemoryWebhookEndpointPort(), deliveries, sender,
            new InMemoryTenantPort(), new DirectTransactions(), clock, new SequentialIds(), WebhookDelivery.RETRIES);

    @Test
    void aDueDeliveryIsSentWithItsEndpointsSecretItsIdEventAndBodyAndMarkedDelivered() {
        var endpoint = endpoint("https://hooks.example/rppg");
        var delivery = queue(endpoint, ScanEventType.SCAN_COMPLETED, "{\"status\":\"completed\"}");

        assertThat(service.deliverDue(10)).isEqualTo(1);

        assertThat(sent).singleElement().isEqualTo(new WebhookSenderPort.OutgoingWebhook(endpoint.url(),
                endpoint.secret(), delivery.id(), ScanEventType.SCAN_COMPLETED, NOW, delivery.body()));
        assertThat(deliveries.all()).singleElement().satisfies(after -> {
            assertThat(after.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(after.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aRetryIsSentUnderTheSameDeliveryIdAndSignedAtItsOwnTime() {
        var endpoint = endpoint("https://hooks.example/rppg");
        var delivery = queue(endpoint, ScanEventType.SCAN_FAILED, "{}");
        answer = 503;
        service.deliverDue(10);
        clock.advance(Duration.ofMinutes(5));
        answer = 200;

        service.deliverDue(10);

        assertThat(sent).extracting(WebhookSenderPort.OutgoingWebhook::deliveryId)
                .containsExactly(delivery.id(), delivery.id());
        assertThat(sent).extracting(WebhookSenderPort.OutgoingWebhook::sentAt)
                .containsExactly(NOW, NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aTargetThatIsRefusedIsNeverSentTo() {
        var endpoint = endpoint("https://internal.example/rppg");
        queue(endpoint, ScanEventType.SCAN_COMPLETED, "{}");

        service.deliverDue(10);

        assertThat(sent).isEmpty();
        assertThat(deliveries.all()).singleElement().satisfies(after ->
                assertThat(after.lastError()).isEqualTo("url resolves to a private address"));
    }

    private WebhookEndpoint endpoint(String url) {
        var endpoint = new WebhookEndpoint(UUID.randomUUID(), TENANT, url, Set.of(ScanEventType.SCAN_COMPLETED),
                "whsec_" + UUID.randomUUID(), NOW.minus(Duration.ofDays(1)));
        deliveries.register(endpoint);
        return endpoint;
    }

    private WebhookDelivery queue(WebhookEndpoint endpoint, ScanEventType event, String body) {
        var delivery = WebhookDelivery.create(UUID.randomUUID(), TENANT, endpoint.id(), event, body,
                NOW.minusSeconds(1));
        deliveries.save(delivery);
        return delivery;
    }
}
