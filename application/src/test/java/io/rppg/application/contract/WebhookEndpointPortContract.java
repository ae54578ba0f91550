package io.rppg.application.contract;

import io.rppg.application.port.out.WebhookEndpointPort;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's webhook endpoints, within its transactions; saving one again changes where it points, not its secret. */
public abstract class WebhookEndpointPortContract extends PortContract {

    protected abstract WebhookEndpointPort endpoints();

    @Test
    void anEndpointIsFoundWithinItsTenantOnly() {
        var tenant = newTenant();
        var other = newTenant();
        var endpoint = save(newEndpoint(tenant, now()));

        assertThat(inTenant(tenant, () -> endpoints().findById(tenant.id(), endpoint.id()))).contains(endpoint);
        assertThat(inTenant(other, () -> endpoints().findById(other.id(), endpoint.id()))).isEmpty();
        assertThat(inTenant(other, () -> endpoints().findByTenant(other.id()))).isEmpty();
    }

    @Test
    void aTenantsEndpointsAreListedOldestFirst() {
        var tenant = newTenant();
        var now = now();
        var younger = save(newEndpoint(tenant, now));
        var older = save(newEndpoint(tenant, now.minus(Duration.ofDays(1))));

        assertThat(inTenant(tenant, () -> endpoints().findByTenant(tenant.id()))).containsExactly(older, younger);
    }

    @Test
    void savingAnEndpointAgainChangesItsUrlAndEventsButKeepsItsSecretAndAge() {
        var tenant = newTenant();
        var endpoint = save(newEndpoint(tenant, now()));
        var changed = new WebhookEndpoint(endpoint.id(), tenant.id(), "https://hooks.example/v2",
                Set.of(ScanEventType.SCAN_FAILED), "whsec_another", now().plusSeconds(60));

        save(changed);

        var stored = inTenant(tenant, () -> endpoints().findById(tenant.id(), endpoint.id())).orElseThrow();
        assertThat(stored).isEqualTo(new WebhookEndpoint(endpoint.id(), tenant.id(), "https://hooks.example/v2",
                Set.of(ScanEventType.SCAN_FAILED), endpoint.secret(), endpoint.createdAt()));
    }

    @Test
    void aDeletedEndpointIsGoneButAnotherTenantCannotDeleteIt() {
        var tenant = newTenant();
        var other = newTenant();
        var kept = save(newEndpoint(tenant, now()));
        var deleted = save(newEndpoint(tenant, now()));

        withinTenant(tenant, () -> endpoints().delete(tenant.id(), deleted.id()));
        withinTenant(other, () -> endpoints().delete(other.id(), kept.id()));

        assertThat(inTenant(tenant, () -> endpoints().findByTenant(tenant.id()))).containsExactly(kept);
    }

    private WebhookEndpoint save(WebhookEndpoint endpoint) {
        return inTenant(endpoint.tenantId(), () -> endpoints().save(endpoint));
    }

    static WebhookEndpoint newEndpoint(Tenant tenant, Instant createdAt) {
        return new WebhookEndpoint(UUID.randomUUID(), tenant.id(), "https://hooks.example/" + UUID.randomUUID(),
                Set.of(ScanEventType.SCAN_COMPLETED, ScanEventType.SCAN_FAILED),
                "whsec_" + UUID.randomUUID().toString().replace("-", ""), createdAt);
    }
}
