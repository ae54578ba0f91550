package io.rppg.application.contract;

import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.application.port.out.WebhookDeliveryPort.DueDelivery;
import io.rppg.application.port.out.WebhookEndpointPort;
import io.rppg.domain.job.RetryPolicy;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.DeliveryStatus;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox of webhook deliveries. Deliveries are written within their tenant's transaction (where the scan changes)
 * and listed there; the worker claims due ones across tenants in a platform transaction. The claims of these tests
 * happen in 2001, long before anything another test leaves pending, and each test settles its own deliveries after
 * it, so that claims on a shared database see only the test's own.
 */
public abstract class WebhookDeliveryPortContract extends PortContract {

    private static final Instant T = Instant.parse("2001-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Set<TenantId> tenantsWithDeliveries = new HashSet<>();

    protected abstract WebhookDeliveryPort deliveries();

    protected abstract WebhookEndpointPort endpoints();

    @AfterEach
    void settleTheTestsDeliveries() {
        for (var tenant : tenantsWithDeliveries) {
            inTenant(tenant, () -> deliveries().findRecent(tenant, 100)).stream()
                    .filter(delivery -> delivery.status() == DeliveryStatus.PENDING)
                    .forEach(delivery -> withinPlatform(() -> deliveries().save(new WebhookDelivery(delivery.id(),
                            tenant, delivery.endpointId(), delivery.event(), delivery.body(), DeliveryStatus.FAILED,
                            delivery.attempts(), delivery.nextAttemptAt(), 0, "settled by the test",
                            delivery.createdAt()))));
        }
    }

    @Test
    void aPayloadIsSerialisedWithItsKeysInOrderAndItsNulls() {
        var vitals = new LinkedHashMap<String, Object>();
        vitals.put("heart_rate", 72.5);
        vitals.put("hrv", null);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", "d1");
        payload.put("event", "scan.completed");
        payload.put("vitals", vitals);
        payload.put("frames_analysed", 600);

        assertThat(deliveries().serialize(payload)).isEqualTo(
                "{\"id\":\"d1\",\"event\":\"scan.completed\",\"vitals\":{\"heart_rate\":72.5,\"hrv\":null},"
                        + "\"frames_analysed\":600}");
    }

    @Test
    void aTenantsDeliveriesAreListedNewestFirstUpToTheLimit() {
        var tenant = newTenant();
        var other = newTenant();
        var endpoint = newEndpoint(tenant);
        var first = save(newDelivery(endpoint, T));
        var second = save(newDelivery(endpoint, T.plusSeconds(1)));
        var third = save(newDelivery(endpoint, T.plusSeconds(2)));
        save(newDelivery(newEndpoint(other), T.plusSeconds(3)));

        assertThat(recent(tenant, 2)).containsExactly(third, second);
        assertThat(recent(tenant, 10)).containsExactly(third, second, first);
    }

    @Test
    void anAttemptIsRecordedOnTheDelivery() {
        var tenant = newTenant();
        var delivery = save(newDelivery(newEndpoint(tenant), T));
        var retried = delivery.afterAttempt(503, "Service Unavailable", T.plusSeconds(1), WebhookDelivery.RETRIES);
        var delivered = retried.afterAttempt(200, null, T.plusSeconds(20), WebhookDelivery.RETRIES);

        withinPlatform(() -> deliveries().save(retried));
        var afterRetry = recent(tenant, 1);
        withinPlatform(() -> deliveries().save(delivered));

        assertThat(afterRetry).containsExactly(retried);
        assertThat(recent(tenant, 1)).containsExactly(delivered);
    }

    @Test
    void aLongErrorIsKeptToItsFirstThousandCharacters() {
        var tenant = newTenant();
        var delivery = save(newDelivery(newEndpoint(tenant), T));
        var error = "x".repeat(999) + "yz";

        withinPlatform(() -> deliveries().save(delivery.afterAttempt(0, error, T, WebhookDelivery.RETRIES)));

        assertThat(recent(tenant, 1).get(0).lastError()).isEqualTo("x".repeat(999) + "y");
    }

    @Test
    void dueDeliveriesAreClaimedOldestFirstWithTheirEndpointAndHiddenForTheLease() {
        var tenant = newTenant();
        var endpoint = newEndpoint(tenant);
        var oldest = save(newDelivery(endpoint, T.minusSeconds(180)));
        var older = save(newDelivery(endpoint, T.minusSeconds(120)));
        var old = save(newDelivery(endpoint, T.minusSeconds(60)));
        var notYetDue = save(newDelivery(endpoint, T.plusSeconds(60)));
        save(newDelivery(endpoint, T.minusSeconds(300)).afterAttempt(204, null, T.minusSeconds(299),
                WebhookDelivery.RETRIES));
        save(newDelivery(endpoint, T.minusSeconds(300)).afterAttempt(500, "gone", T.minusSeconds(299),
                new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1))));

        var firstClaim = claim(T, 2);
        var secondClaim = claim(T, 10);
        var duringTheLease = claim(T.plus(LEASE).minusSeconds(1), 10);
        var afterTheLease = claim(T.plus(LEASE), 10);

        assertThat(firstClaim).containsExactly(new DueDelivery(oldest, endpoint), new DueDelivery(older, endpoint));
        assertThat(secondClaim).containsExactly(new DueDelivery(old, endpoint));
        assertThat(duringTheLease).extracting(due -> due.delivery().id()).containsExactly(notYetDue.id());
        assertThat(afterTheLease).extracting(due -> due.delivery().id())
                .containsExactlyInAnyOrder(oldest.id(), older.id(), old.id());
    }

    @Test
    void theDeliveriesOfADeletedEndpointGoWithIt() {
        var tenant = newTenant();
        var kept = newEndpoint(tenant);
        var deleted = newEndpoint(tenant);
        var keptDelivery = save(newDelivery(kept, T));
        save(newDelivery(deleted, T.plusSeconds(1)));

        withinTenant(tenant, () -> endpoints().delete(tenant.id(), deleted.id()));

        assertThat(recent(tenant, 10)).containsExactly(keptDelivery);
        assertThat(claim(T, 10)).extracting(due -> due.delivery().id()).containsExactly(keptDelivery.id());
    }

    @Test
    void aDeliveryToNoStoredEndpointIsRefused() {
        var tenant = newTenant();
        var delivery = WebhookDelivery.create(UUID.randomUUID(), tenant.id(), UUID.randomUUID(),
                ScanEventType.SCAN_COMPLETED, "{}", T);

        assertThatThrownBy(() -> withinTenant(tenant, () -> deliveries().save(delivery)))
                .isInstanceOf(RuntimeException.class);
        assertThat(recent(tenant, 10)).isEmpty();
    }

    private List<DueDelivery> claim(Instant now, int max) {
        return inPlatform(() -> deliveries().claimDue(now, LEASE, max));
    }

    private List<WebhookDelivery> recent(Tenant tenant, int max) {
        return inTenant(tenant, () -> deliveries().findRecent(tenant.id(), max));
    }

    private WebhookDelivery save(WebhookDelivery delivery) {
        tenantsWithDeliveries.add(delivery.tenantId());
        withinTenant(delivery.tenantId(), () -> deliveries().save(delivery));
        return delivery;
    }

    private WebhookEndpoint newEndpoint(Tenant tenant) {
        var endpoint = WebhookEndpointPortContract.newEndpoint(tenant, now());
        return inTenant(tenant, () -> endpoints().save(endpoint));
    }

    private static WebhookDelivery newDelivery(WebhookEndpoint endpoint, Instant at) {
        var id = UUID.randomUUID();
        return WebhookDelivery.create(id, endpoint.tenantId(), endpoint.id(), ScanEventType.SCAN_COMPLETED,
                "{\"id\":\"" + id + "\"}", at);
    }
}
