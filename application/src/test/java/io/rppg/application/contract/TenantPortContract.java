package io.rppg.application.contract;

import io.rppg.application.port.out.TenantPort;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.tenant.TenantStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored tenants: found by id, changed in place, listed oldest first. Tenants are platform business. */
public abstract class TenantPortContract extends PortContract {

    private TenantPort tenants() {
        return tenancy().tenants();
    }

    @Test
    void aRegisteredTenantIsFoundActive() {
        var tenant = newTenant();

        var found = inPlatform(() -> tenants().findById(tenant.id()));

        assertThat(found).contains(tenant);
        assertThat(found.orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void suspensionAndPlanChangeAreStored() {
        var tenant = newTenant();
        var otherPlan = tenancy().newPlan(99);

        inPlatform(() -> tenants().save(tenant.suspend().moveToPlan(otherPlan.id())));

        var stored = inPlatform(() -> tenants().findById(tenant.id())).orElseThrow();
        assertThat(stored.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(stored.planId()).isEqualTo(otherPlan.id());
        assertThat(inPlatform(() -> tenants().findAll())).filteredOn(t -> t.id().equals(tenant.id()))
                .containsExactly(stored);
    }

    @Test
    void unknownTenantIsEmpty() {
        assertThat(inPlatform(() -> tenants().findById(new TenantId(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void tenantsAreListedOldestFirst() {
        var plan = tenancy().newPlan(10);
        var now = now();
        var younger = Tenant.register(new TenantId(UUID.randomUUID()), "younger", plan.id(), now);
        var older = Tenant.register(new TenantId(UUID.randomUUID()), "older", plan.id(), now.minus(Duration.ofDays(1)));
        inPlatform(() -> tenants().save(younger));
        inPlatform(() -> tenants().save(older));

        var listed = inPlatform(() -> tenants().findAll());

        assertThat(listed).filteredOn(t -> List.of(younger, older).contains(t)).containsExactly(older, younger);
    }
}
