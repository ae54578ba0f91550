package io.rppg.application.service.admin;

import io.rppg.application.fakes.DirectTransactions;
import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryPlanPort;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.fakes.SequentialIds;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.ManagePlansUseCase.NewPlan;
import io.rppg.application.port.in.ManageTenantsUseCase.TenantChange;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.tenant.TenantStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.rppg.application.fakes.Actors.adminOf;
import static io.rppg.application.fakes.Actors.memberOf;
import static io.rppg.application.fakes.Actors.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;

class PlatformAdministrationServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final AdminOutcome.Forbidden<Object> PLATFORM_ADMINS_ONLY =
            new AdminOutcome.Forbidden<>("only platform admins manage plans and tenants");
    private static final NewPlan BASIC = new NewPlan("Basic", 100, 60, 5, 50, false);

    private final InMemoryPlanPort plans = new InMemoryPlanPort();
    private final InMemoryTenantPort tenants = new InMemoryTenantPort();
    private final PlatformAdministrationService service = new PlatformAdministrationService(plans, tenants,
            new DirectTransactions(), new FixedClock(NOW), new SequentialIds());

    private static <T> T done(AdminOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(AdminOutcome.Done.class);
        return ((AdminOutcome.Done<T>) outcome).value();
    }

    // --- plans

    @Test
    void aPlatformAdminCreatesAPlanWithEveryLimit() {
        var plan = done(service.createPlan(platformAdmin(), new NewPlan("Research", 500, 120, 3, 100, true)));

        assertThat(plan).isEqualTo(new Plan(new PlanId(new UUID(0, 1)), "Research", 500, 120, 3, 100, true));
        assertThat(plans.findById(plan.id())).contains(plan);
    }

    @Test
    void aPlanBreakingTheDomainsRulesIsInvalid() {
        var outcome = service.createPlan(platformAdmin(), new NewPlan("Huge", 100, 60, 5, 101, false));

        assertThat(outcome).isEqualTo(new AdminOutcome.Invalid<>("plan", "max upload size must be at most 100 MB, was 101"));
        assertThat(plans.findAll()).isEmpty();
    }

    @Test
    void aPlanNameIsTakenOnce() {
        var first = done(service.createPlan(platformAdmin(), BASIC));

        assertThat(service.createPlan(platformAdmin(), BASIC))
                .isEqualTo(new AdminOutcome.Conflict<>("PLAN_NAME_TAKEN", "a plan named 'Basic' exists"));
        assertThat(plans.findAll()).containsExactly(first);
    }

    @Test
    void plansAreListedByNameToPlatformAdminsOnly() {
        var pro = done(service.createPlan(platformAdmin(), new NewPlan("Pro", 1000, 600, 20, 100, true)));
        var basic = done(service.createPlan(platformAdmin(), BASIC));
        var tenant = done(service.createTenant(platformAdmin(), "Clinic", basic.id()));

        assertThat(service.listPlans(platformAdmin())).isEqualTo(AdminOutcome.done(List.of(basic, pro)));
        assertThat(service.listPlans(adminOf(tenant.id()))).isEqualTo(PLATFORM_ADMINS_ONLY);
        assertThat(service.createPlan(adminOf(tenant.id()), new NewPlan("Mine", 1, 1, 1, 1, false)))
                .isEqualTo(PLATFORM_ADMINS_ONLY);
        assertThat(plans.findByName("Mine")).isEmpty();
    }

    // --- tenants

    @Test
    void aPlatformAdminRegistersAnActiveTenantOnAPlan() {
        var plan = done(service.createPlan(platformAdmin(), BASIC));

        var tenant = done(service.createTenant(platformAdmin(), "Clinic", plan.id()));

        assertThat(tenant).isEqualTo(new Tenant(new TenantId(new UUID(0, 2)), "Clinic", plan.id(),
                TenantStatus.ACTIVE, NOW));
        assertThat(tenants.findAll()).containsExactly(tenant);
    }

    @Test
    void aTenantNeedsAKnownPlanAndAName() {
        var plan = done(service.createPlan(platformAdmin(), BASIC));
        var unknownPlan = new PlanId(UUID.randomUUID());

        assertThat(service.createTenant(platformAdmin(), "Clinic", unknownPlan))
                .isEqualTo(new AdminOutcome.Invalid<>("plan_id", "no plan has the id " + unknownPlan));
        assertThat(service.createTenant(platformAdmin(), " ", plan.id()))
                .isInstanceOf(AdminOutcome.Invalid.class)
                .extracting(outcome -> ((AdminOutcome.Invalid<Tenant>) outcome).field()).isEqualTo("name");
        assertThat(tenants.findAll()).isEmpty();
    }

    @Test
    void onlyPlatformAdminsRegisterAndListTenants() {
        var plan = done(service.createPlan(platformAdmin(), BASIC));
        var clinic = done(service.createTenant(platformAdmin(), "Clinic", plan.id()));

        assertThat(service.createTenant(adminOf(clinic.id()), "Other", plan.id())).isEqualTo(PLATFORM_ADMINS_ONLY);
        assertThat(service.listTenants(adminOf(clinic.id()))).isEqualTo(PLATFORM_ADMINS_ONLY);
        assertThat(service.listTenants(platformAdmin())).isEqualTo(AdminOutcome.done(List.of(clinic)));
    }

    @Test
    void aTenantAdminReadsTheirOwnTenantOnlyAndMembersNone() {
        var plan = done(service.createPlan(platformAdmin(), BASIC));
        var clinic = done(service.createTenant(platformAdmin(), "Clinic", plan.id()));
        var insurer = done(service.createTenant(platformAdmin(), "Insurer", plan.id()));

        assertThat(service.getTenant(adminOf(clinic.id()), clinic.id())).isEqualTo(AdminOutcome.done(clinic));
        assertThat(service.getTenant(adminOf(clinic.id()), insurer.id())).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(service.getTenant(memberOf(clinic.id()), clinic.id())).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(service.getTenant(platformAdmin(), insurer.id())).isEqualTo(AdminOutcome.done(insurer));
        assertThat(service.getTenant(platformAdmin(), new TenantId(UUID.randomUUID())))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
    }

    @Test
    void aTenantIsSuspendedReactivatedAndMovedToAnotherPlan() {
        var basic = done(service.createPlan(platformAdmin(), BASIC));
        var pro = done(service.createPlan(platformAdmin(), new NewPlan("Pro", 1000, 600, 20, 100, true)));
        var clinic = done(service.createTenant(platformAdmin(), "Clinic", basic.id()));

        var suspended = done(service.changeTenant(platformAdmin(), clinic.id(),
                new TenantChange(Optional.of(pro.id()), Optional.of(TenantStatus.SUSPENDED))));
        var reactivated = done(service.changeTenant(platformAdmin(), clinic.id(),
                new TenantChange(Optional.empty(), Optional.of(TenantStatus.ACTIVE))));

        assertThat(suspended).isEqualTo(clinic.suspend().moveToPlan(pro.id()));
        assertThat(reactivated).isEqualTo(clinic.moveToPlan(pro.id()));
        assertThat(tenants.findById(clinic.id())).contains(reactivated);
    }

    @Test
    void aChangeToAnUnknownPlanOrOfAnUnknownTenantChangesNothing() {
        var basic = done(service.createPlan(platformAdmin(), BASIC));
        var clinic = done(service.createTenant(platformAdmin(), "Clinic", basic.id()));
        var unknownPlan = new PlanId(UUID.randomUUID());

        assertThat(service.changeTenant(platformAdmin(), clinic.id(),
                new TenantChange(Optional.of(unknownPlan), Optional.of(TenantStatus.SUSPENDED))))
                .isEqualTo(new AdminOutcome.Invalid<>("plan_id", "no plan has the id " + unknownPlan));
        assertThat(service.changeTenant(platformAdmin(), new TenantId(UUID.randomUUID()),
                new TenantChange(Optional.empty(), Optional.of(TenantStatus.SUSPENDED))))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(tenants.findById(clinic.id())).contains(clinic);
    }

    @Test
    void aTenantAdminCannotChangeEvenTheirOwnTenant() {
        var basic = done(service.createPlan(platformAdmin(), BASIC));
        var clinic = done(service.createTenant(platformAdmin(), "Clinic", basic.id()));

        assertThat(service.changeTenant(adminOf(clinic.id()), clinic.id(),
                new TenantChange(Optional.empty(), Optional.of(TenantStatus.SUSPENDED))))
                .isEqualTo(PLATFORM_ADMINS_ONLY);
        assertThat(tenants.findById(clinic.id()).orElseThrow().isActive()).isTrue();
    }
}
