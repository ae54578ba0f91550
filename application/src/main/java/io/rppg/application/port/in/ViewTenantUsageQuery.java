package io.rppg.application.port.in;

import io.rppg.application.port.in.GetTenantUsageQuery.TenantUsage;
import io.rppg.domain.tenant.TenantId;

/** A tenant admin (or platform admin) reads how much of the plan the tenant has used this month. */
public interface ViewTenantUsageQuery {

    AdminOutcome<TenantUsage> viewUsage(Actor actor, TenantId tenant);
}
