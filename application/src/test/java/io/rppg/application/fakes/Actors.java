package io.rppg.application.fakes;

import io.rppg.application.port.in.Actor;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;
import java.util.UUID;

/** The people on whose behalf administrative use cases run. */
public final class Actors {

    private Actors() {
    }

    public static Actor platformAdmin() {
        return new Actor(new UserId(UUID.randomUUID()), Role.PLATFORM_ADMIN, Optional.empty());
    }

    public static Actor adminOf(TenantId tenant) {
        return new Actor(new UserId(UUID.randomUUID()), Role.TENANT_ADMIN, Optional.of(tenant));
    }

    public static Actor memberOf(TenantId tenant) {
        return new Actor(new UserId(UUID.randomUUID()), Role.MEMBER, Optional.of(tenant));
    }
}
