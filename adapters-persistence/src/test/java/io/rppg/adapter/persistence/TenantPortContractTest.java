package io.rppg.adapter.persistence;

import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.tenant.TenantStatus;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TenantPortContractTest extends PortContractTest {

    @Test
    void registeredTenantIsFoundActive() {
        var tenant = newTenant(10);

        var found = transactions.inPlatformTransaction(() -> tenants.findById(tenant.id()));

        assertThat(found).contains(tenant);
        assertThat(found.orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(transactions.inPlatformTransaction(() -> tenants.findAll())).contains(tenant);
    }

    @Test
    void suspensionAndPlanChangeAreStored() {
        var tenant = newTenant(10);
        var otherPlan = newPlan(99);

        transactions.inPlatformTransaction(() -> tenants.save(tenant.suspend().moveToPlan(otherPlan.id())));

        var stored = transactions.inPlatformTransaction(() -> tenants.findById(tenant.id())).orElseThrow();
        assertThat(stored.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(stored.planId()).isEqualTo(otherPlan.id());
    }

    @Test
    void unknownTenantIsEmpty() {
        assertThat(transactions.inPlatformTransaction(() -> tenants.findById(new TenantId(UUID.randomUUID()))))
                .isEmpty();
    }
}
