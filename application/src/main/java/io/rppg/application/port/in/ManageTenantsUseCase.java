package io.rppg.application.port.in;

import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.tenant.TenantStatus;

import java.util.List;
import java.util.Optional;

/** Platform admins register tenants, move them between plans, suspend and reactivate them. */
public interface ManageTenantsUseCase {

    AdminOutcome<Tenant> createTenant(Actor actor, String name, PlanId plan);

    AdminOutcome<List<Tenant>> listTenants(Actor actor);

    /** Platform admins read any tenant; tenant admins their own. */
    AdminOutcome<Tenant> getTenant(Actor actor, TenantId tenant);

    /** Applies whichever of the changes is present. */
    AdminOutcome<Tenant> changeTenant(Actor actor, TenantId tenant, TenantChange change);

    record TenantChange(Optional<PlanId> plan, Optional<TenantStatus> status) {
    }
}
