package io.rppg.domain.tenant;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantTest {

    private static final TenantId ID = new TenantId(UUID.fromString("3f2b8c1e-4d5a-4b6c-9d7e-0a1b2c3d4e5f"));
    private static final PlanId BASIC = new PlanId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final PlanId PRO = new PlanId(UUID.fromString("00000000-0000-4000-8000-000000000002"));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aRegisteredTenantIsActive() {
        Tenant tenant = Tenant.register(ID, "Clinic", BASIC, NOW);
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenant.isActive()).isTrue();
        assertThat(tenant.createdAt()).isEqualTo(NOW);
        assertThat(tenant.planId()).isEqualTo(BASIC);
    }

    @Test
    void suspendingMakesItInactiveAndKeepsEverythingElse() {
        Tenant tenant = Tenant.register(ID, "Clinic", BASIC, NOW);
        Tenant suspended = tenant.suspend();
        assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(suspended.isActive()).isFalse();
        assertThat(suspended.id()).isEqualTo(ID);
        assertThat(suspended.name()).isEqualTo("Clinic");
        assertThat(suspended.planId()).isEqualTo(BASIC);
        assertThat(suspended.createdAt()).isEqualTo(NOW);
        assertThat(tenant.isActive()).as("the original is unchanged").isTrue();
    }

    @Test
    void reactivatingMakesASuspendedTenantActiveAgain() {
        Tenant reactivated = Tenant.register(ID, "Clinic", BASIC, NOW).suspend().reactivate();
        assertThat(reactivated.isActive()).isTrue();
        assertThat(reactivated).isEqualTo(Tenant.register(ID, "Clinic", BASIC, NOW));
    }

    @Test
    void movingToAnotherPlanKeepsTheStatus() {
        Tenant moved = Tenant.register(ID, "Clinic", BASIC, NOW).suspend().moveToPlan(PRO);
        assertThat(moved.planId()).isEqualTo(PRO);
        assertThat(moved.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(moved.createdAt()).isEqualTo(NOW);
    }

    @Test
    void movingToNoPlanIsRejected() {
        Tenant tenant = Tenant.register(ID, "Clinic", BASIC, NOW);
        assertThatThrownBy(() -> tenant.moveToPlan(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresAllFields() {
        assertThatThrownBy(() -> new Tenant(null, "Clinic", BASIC, TenantStatus.ACTIVE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tenant(ID, "Clinic", null, TenantStatus.ACTIVE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tenant(ID, "Clinic", BASIC, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tenant(ID, "Clinic", BASIC, TenantStatus.ACTIVE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nameMustBeNonBlankAndAtMost200Characters() {
        assertThatThrownBy(() -> Tenant.register(ID, " ", BASIC, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tenant.register(ID, "x".repeat(201), BASIC, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> Tenant.register(ID, "x".repeat(200), BASIC, NOW)).doesNotThrowAnyException();
    }
}
