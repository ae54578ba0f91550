package io.rppg.application.service.webhook;

import io.rppg.application.fakes.DirectTransactions;
import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.fakes.InMemoryWebhookDeliveryPort;
import io.rppg.application.fakes.InMemoryWebhookEndpointPort;
import io.rppg.application.fakes.SequentialIds;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.out.WebhookSenderPort;
import io.rppg.application.port.out.WebhookSenderPort.OutgoingWebhook;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.DeliveryStatus;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.rppg.application.fakes.Actors.adminOf;
import static io.rppg.application.fakes.Actors.memberOf;
import static io.rppg.application.fakes.Actors.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final String RECEIVER = "https://hooks.clinic.example/rppg";

    private final InMemoryWebhookEndpointPort endpoints = new InMemoryWebhookEndpointPort();
    private final InMemoryWebhookDeliveryPort deliveries = new InMemoryWebhookDeliveryPort(endpoints);
    private final InMemoryTenantPort tenants = new InMemoryTenantPort();
    private final FixedClock clock = new FixedClock(NOW);
    private final Receivers receivers = new Receivers();
    private final WebhookService service = new WebhookService(endpoints, deliveries, receivers, tenants,
            new DirectTransactions(), clock, new SequentialIds(), WebhookDelivery.RETRIES);

    private final Tenant clinic = tenant("Clinic");
    private final Tenant insurer = tenant("Insurer");

    /** Receivers that answer with a set status, some refused as targets; every request sent is kept. */
    private static final class Receivers implements WebhookSenderPort {
        final List<OutgoingWebhook> sent = new ArrayList<>();
        final Map<String, String> refused = new HashMap<>();
        int status = 204;

        @Override
        public Optional<String> refusalFor(String url) {
            return Optional.ofNullable(refused.get(url));
        }

        @Override
        public SendResult send(OutgoingWebhook webhook) {
            sent.add(webhook);
            return new SendResult(status, status >= 300 ? "HTTP " + status : null);
        }
    }

    private Tenant tenant(String name) {
        return tenants.save(Tenant.register(new TenantId(UUID.randomUUID()), name, new PlanId(UUID.randomUUID()), NOW));
    }

    private static <T> T done(AdminOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(AdminOutcome.Done.class);
        return ((AdminOutcome.Done<T>) outcome).value();
    }

    private WebhookEndpoint register(Tenant tenant, String... events) {
        return done(service.registerWebhook(adminOf(tenant.id()), tenant.id(), RECEIVER, Set.of(events)));
    }

    private WebhookDelivery queued(WebhookEndpoint endpoint, String body) {
        var delivery = WebhookDelivery.create(UUID.randomUUID(), endpoint.tenantId(), endpoint.id(),
                ScanEventType.SCAN_COMPLETED, body, clock.now());
        deliveries.save(delivery);
        return delivery;
    }

    private WebhookDelivery stored(WebhookDelivery delivery) {
        return deliveries.findRecent(delivery.tenantId(), 100).stream()
                .filter(found -> found.id().equals(delivery.id())).findFirst().orElseThrow();
    }

    // --- registration

    @Test
    void aTenantAdminRegistersAnEndpointForTheEventsNamedOnTheWire() {
        var endpoint = register(clinic, "scan.completed", "scan.failed");

        assertThat(endpoint.id()).isEqualTo(new UUID(0, 1));
        assertThat(endpoint.tenantId()).isEqualTo(clinic.id());
        assertThat(endpoint.url()).isEqualTo(RECEIVER);
        assertThat(endpoint.events()).containsExactlyInAnyOrder(ScanEventType.SCAN_COMPLETED, ScanEventType.SCAN_FAILED);
        assertThat(endpoint.secret()).matches("whsec_[A-Za-z0-9]{32}");
        assertThat(endpoint.createdAt()).isEqualTo(NOW);
        assertThat(endpoints.findByTenant(clinic.id())).containsExactly(endpoint);
    }

    @Test
    void eachEndpointHasItsOwnSecret() {
        var first = register(clinic, "scan.completed");
        var second = register(clinic, "scan.completed");

        assertThat(first.secret()).isNotEqualTo(second.secret());
    }

    @Test
    void eventsMustBeNamedAndKnown() {
        var admin = adminOf(clinic.id());

        assertThat(service.registerWebhook(admin, clinic.id(), RECEIVER, Set.of()))
                .isEqualTo(new AdminOutcome.Invalid<>("events",
                        "events must name at least one of scan.processing, scan.completed, scan.failed"));
        assertThat(service.registerWebhook(admin, clinic.id(), RECEIVER, null)).isInstanceOf(AdminOutcome.Invalid.class);
        assertThat(service.registerWebhook(admin, clinic.id(), RECEIVER, Set.of("scan.completed", "scan.started")))
                .isEqualTo(new AdminOutcome.Invalid<>("events", "unknown event 'scan.started'"));
        assertThat(endpoints.findByTenant(clinic.id())).isEmpty();
    }

    @Test
    void theUrlMustBeGivenReachableAndHttp() {
        var admin = adminOf(clinic.id());
        receivers.refused.put("http://10.0.0.7/hook", "private addresses may not be webhook targets");

        assertThat(service.registerWebhook(admin, clinic.id(), null, Set.of("scan.completed")))
                .isEqualTo(new AdminOutcome.Invalid<>("url", "url is required"));
        assertThat(service.registerWebhook(admin, clinic.id(), "http://10.0.0.7/hook", Set.of("scan.completed")))
                .isEqualTo(new AdminOutcome.Invalid<>("url", "private addresses may not be webhook targets"));
        assertThat(service.registerWebhook(admin, clinic.id(), "ftp://hooks.clinic.example", Set.of("scan.completed")))
                .isEqualTo(new AdminOutcome.Invalid<>("url", "url must be an http or https URL"));
        assertThat(endpoints.findByTenant(clinic.id())).isEmpty();
    }

    @Test
    void anUnknownTenantGetsNoEndpoint() {
        var unknown = new TenantId(UUID.randomUUID());

        assertThat(service.registerWebhook(platformAdmin(), unknown, RECEIVER, Set.of("scan.completed")))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(endpoints.findByTenant(unknown)).isEmpty();
    }

    @Test
    void membersAreForbiddenAndAnotherTenantLooksMissing() {
        var insurers = register(insurer, "scan.completed");
        var clinicAdmin = adminOf(clinic.id());

        assertThat(service.registerWebhook(memberOf(clinic.id()), clinic.id(), RECEIVER, Set.of("scan.completed")))
                .isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(service.listWebhooks(memberOf(clinic.id()), clinic.id())).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(service.registerWebhook(clinicAdmin, insurer.id(), RECEIVER, Set.of("scan.completed")))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(service.listWebhooks(clinicAdmin, insurer.id())).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(service.listDeliveries(clinicAdmin, insurer.id())).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(service.deleteWebhook(clinicAdmin, insurer.id(), insurers.id()))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(service.deleteWebhook(clinicAdmin, clinic.id(), insurers.id()))
                .isEqualTo(new AdminOutcome.NotFound<>("webhook"));
        assertThat(endpoints.findByTenant(insurer.id())).containsExactly(insurers);
    }

    @Test
    void aDeletedEndpointIsNoLongerListed() {
        var kept = register(clinic, "scan.completed");
        var deleted = register(clinic, "scan.failed");

        assertThat(service.deleteWebhook(adminOf(clinic.id()), clinic.id(), deleted.id()))
                .isEqualTo(AdminOutcome.done(deleted.id()));
        assertThat(service.listWebhooks(adminOf(clinic.id()), clinic.id())).isEqualTo(AdminOutcome.done(List.of(kept)));
    }

    // --- delivery

    @Test
    void aDueDeliveryIsSentSignedAndRecordedAsDelivered() {
        var endpoint = register(clinic, "scan.completed");
        var delivery = queued(endpoint, "{\"event\":\"scan.completed\"}");

        assertThat(service.deliverDue(10)).isEqualTo(1);

        assertThat(receivers.sent).containsExactly(new OutgoingWebhook(RECEIVER, endpoint.secret(), delivery.id(),
                ScanEventType.SCAN_COMPLETED, NOW, delivery.body()));
        var after = stored(delivery);
        assertThat(after.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.lastStatusCode()).isEqualTo(204);
        assertThat(service.listDeliveries(adminOf(clinic.id()), clinic.id())).isEqualTo(AdminOutcome.done(List.of(after)));
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheBackOffAndNotBefore() {
        var endpoint = register(clinic, "scan.completed");
        var delivery = queued(endpoint, "{}");
        receivers.status = 503;

        service.deliverDue(10);
        var afterFailure = stored(delivery);
        clock.advance(Duration.ofSeconds(9));
        int beforeTheBackOff = service.deliverDue(10);
        clock.advance(Duration.ofSeconds(1));
        receivers.status = 200;
        int afterTheBackOff = service.deliverDue(10);

        assertThat(afterFailure.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(afterFailure.lastStatusCode()).isEqualTo(503);
        assertThat(afterFailure.lastError()).isEqualTo("HTTP 503");
        assertThat(afterFailure.nextAttemptAt()).isEqualTo(NOW.plus(WebhookDelivery.RETRIES.delayAfterAttempt(1)));
        assertThat(beforeTheBackOff).isZero();
        assertThat(afterTheBackOff).isEqualTo(1);
        assertThat(stored(delivery).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(stored(delivery).attempts()).isEqualTo(2);
        // A retry is the same delivery to its receiver, signed at the time it is sent.
        assertThat(receivers.sent).extracting(OutgoingWebhook::deliveryId).containsExactly(delivery.id(), delivery.id());
        assertThat(receivers.sent).extracting(OutgoingWebhook::sentAt)
                .containsExactly(NOW, NOW.plus(WebhookDelivery.RETRIES.delayAfterAttempt(1)));
    }

    @Test
    void aTargetRefusedAtDeliveryTimeIsNotCalledAndCountsAsAFailedAttempt() {
        var endpoint = register(clinic, "scan.completed");
        var delivery = queued(endpoint, "{}");
        receivers.refused.put(RECEIVER, "the host now resolves to a private address");

        service.deliverDue(10);

        assertThat(receivers.sent).isEmpty();
        var after = stored(delivery);
        assertThat(after.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.lastStatusCode()).isZero();
        assertThat(after.lastError()).isEqualTo("the host now resolves to a private address");
    }

    @Test
    void atMostTheAskedNumberIsDeliveredAtOnceAndClaimedOnesAreNotSentTwice() {
        var endpoint = register(clinic, "scan.completed");
        for (int i = 0; i < 3; i++) {
            queued(endpoint, "{\"n\":" + i + "}");
        }

        assertThat(service.deliverDue(2)).isEqualTo(2);
        assertThat(service.deliverDue(2)).isEqualTo(1);
        assertThat(service.deliverDue(2)).isZero();
        assertThat(receivers.sent).extracting(OutgoingWebhook::body).containsExactlyInAnyOrder("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
    }
}
