package io.rppg.domain.tenant;

import io.rppg.domain.Require;

import java.time.Instant;

/** A customer of the platform, bound to one plan. */
public record Tenant(TenantId id, String name, PlanId planId, TenantStatus status, Instant createdAt) {

    public Tenant {
        Require.present(id, "tenant id");
        Require.text(name, "tenant name", 200);
        Require.present(planId, "plan id");
        Require.present(status, "tenant status");
        Require.present(createdAt, "created at");
    }

    public static Tenant register(TenantId id, String name, PlanId planId, Instant now) {
        return new Tenant(id, name, planId, TenantStatus.ACTIVE, now);
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    public Tenant suspend() {
        return new Tenant(id, name, planId, TenantStatus.SUSPENDED, createdAt);
    }

    public Tenant reactivate() {
        return new Tenant(id, name, planId, TenantStatus.ACTIVE, createdAt);
    }

    public Tenant moveToPlan(PlanId newPlan) {
        return new Tenant(id, name, newPlan, status, createdAt);
    }
}
