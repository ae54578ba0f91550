package io.rppg.application.service;

import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.TenantId;

/** Finds the plan a tenant is on; a tenant without a stored plan is a broken invariant, not a client error. */
final class TenantPlans {

    private final TenantPort tenants;
    private final PlanPort plans;

    TenantPlans(TenantPort tenants, PlanPort plans) {
        this.tenants = tenants;
        this.plans = plans;
    }

    Plan planOf(TenantId tenantId) {
        var tenant = tenants.findById(tenantId)
                .orElseThrow(() -> new IllegalStateException("unknown tenant " + tenantId));
        return plans.findById(tenant.planId())
                .orElseThrow(() -> new IllegalStateException("tenant " + tenantId + " has no plan"));
    }
}
