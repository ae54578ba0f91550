package io.rppg.application.port.in;

import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/** The authenticated user on whose behalf an administrative use case runs. */
public record Actor(UserId userId, Role role, Optional<TenantId> tenant) {

    public Actor {
        if (userId == null || role == null || tenant == null) {
            throw new IllegalArgumentException("user, role and tenant (optional) are required");
        }
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }

    /** Platform admins administer every tenant; tenant admins only their own. */
    public boolean administers(TenantId target) {
        return isPlatformAdmin() || (role == Role.TENANT_ADMIN && tenant.map(target::equals).orElse(false));
    }
}
