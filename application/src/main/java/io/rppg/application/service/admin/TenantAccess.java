package io.rppg.application.service.admin;

import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.domain.identity.Role;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/**
 * Who may administer a tenant: platform admins any, tenant admins their own, members none. Another tenant looks
 * exactly like a missing one, so ids cannot be probed.
 */
public final class TenantAccess {

    private TenantAccess() {
    }

    /** The refusal for {@code actor} on {@code target}, or empty when the actor may proceed. */
    public static <T> Optional<AdminOutcome<T>> refusal(Actor actor, TenantId target) {
        if (actor.role() == Role.MEMBER) {
            return Optional.of(new AdminOutcome.Forbidden<>("members do not administer tenants"));
        }
        if (actor.administers(target)) {
            return Optional.empty();
        }
        return Optional.of(new AdminOutcome.NotFound<>("tenant"));
    }
}
