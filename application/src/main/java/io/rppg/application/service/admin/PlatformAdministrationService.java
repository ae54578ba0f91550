package io.rppg.application.service.admin;

import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.ManagePlansUseCase;
import io.rppg.application.port.in.ManageTenantsUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.tenant.TenantStatus;

import java.util.List;

/** Plans and tenants: the platform admin's business. Tenant admins may only read their own tenant. */
public final class PlatformAdministrationService implements ManagePlansUseCase, ManageTenantsUseCase {

    private static final String PLATFORM_ADMINS_ONLY = "only platform admins manage plans and tenants";

    private final PlanPort plans;
    private final TenantPort tenants;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;

    public PlatformAdministrationService(PlanPort plans, TenantPort tenants, TransactionPort transactions,
                                         ClockPort clock, IdGeneratorPort ids) {
        this.plans = plans;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public AdminOutcome<Plan> createPlan(Actor actor, NewPlan request) {
        if (!actor.isPlatformAdmin()) {
            return new AdminOutcome.Forbidden<>(PLATFORM_ADMINS_ONLY);
        }
        Plan plan;
        try {
            plan = new Plan(new PlanId(ids.newUuid()), request.name(), request.monthlyScans(),
                    request.requestsPerMinute(), request.maxOpenSessions(), request.maxUploadMegabytes(),
                    request.retainVideo());
        } catch (IllegalArgumentException invalid) {
            return new AdminOutcome.Invalid<>("plan", invalid.getMessage());
        }
        return transactions.inPlatformTransaction(() -> {
            if (plans.findByName(plan.name()).isPresent()) {
                return new AdminOutcome.Conflict<>("PLAN_NAME_TAKEN", "a plan named '" + plan.name() + "' exists");
            }
            return AdminOutcome.done(plans.save(plan));
        });
    }

    @Override
    public AdminOutcome<List<Plan>> listPlans(Actor actor) {
        if (!actor.isPlatformAdmin()) {
            return new AdminOutcome.Forbidden<>(PLATFORM_ADMINS_ONLY);
        }
        return AdminOutcome.done(transactions.inPlatformTransaction(plans::findAll));
    }

    @Override
    public AdminOutcome<Tenant> createTenant(Actor actor, String name, PlanId planId) {
        if (!actor.isPlatformAdmin()) {
            return new AdminOutcome.Forbidden<>(PLATFORM_ADMINS_ONLY);
        }
        return transactions.inPlatformTransaction(() -> {
            if (plans.findById(planId).isEmpty()) {
                return new AdminOutcome.Invalid<>("plan_id", "no plan has the id " + planId);
            }
            try {
                return AdminOutcome.done(tenants.save(
                        Tenant.register(new TenantId(ids.newUuid()), name, planId, clock.now())));
            } catch (IllegalArgumentException invalid) {
                return new AdminOutcome.Invalid<>("name", invalid.getMessage());
            }
        });
    }

    @Override
    public AdminOutcome<List<Tenant>> listTenants(Actor actor) {
        if (!actor.isPlatformAdmin()) {
            return new AdminOutcome.Forbidden<>(PLATFORM_ADMINS_ONLY);
        }
        return AdminOutcome.done(transactions.inPlatformTransaction(tenants::findAll));
    }

    @Override
    public AdminOutcome<Tenant> getTenant(Actor actor, TenantId tenantId) {
        var refusal = TenantAccess.<Tenant>refusal(actor, tenantId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return transactions.inPlatformTransaction(() -> tenants.findById(tenantId))
                .<AdminOutcome<Tenant>>map(AdminOutcome::done)
                .orElseGet(() -> new AdminOutcome.NotFound<>("tenant"));
    }

    @Override
    public AdminOutcome<Tenant> changeTenant(Actor actor, TenantId tenantId, TenantChange change) {
        if (!actor.isPlatformAdmin()) {
            return new AdminOutcome.Forbidden<>(PLATFORM_ADMINS_ONLY);
        }
        return transactions.inPlatformTransaction(() -> {
            var found = tenants.findById(tenantId);
            if (found.isEmpty()) {
                return new AdminOutcome.NotFound<>("tenant");
            }
            var tenant = found.get();
            if (change.plan().isPresent()) {
                if (plans.findById(change.plan().get()).isEmpty()) {
                    return new AdminOutcome.Invalid<>("plan_id", "no plan has the id " + change.plan().get());
                }
                tenant = tenant.moveToPlan(change.plan().get());
            }
            if (change.status().isPresent()) {
                tenant = change.status().get() == TenantStatus.SUSPENDED ? tenant.suspend() : tenant.reactivate();
            }
            return AdminOutcome.done(tenants.save(tenant));
        });
    }
}
