package io.rppg.adapter.web.security;

import io.rppg.application.port.in.Actor;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/**
 * Who is calling: a user with an access token, or a tenant's API key. Controllers receive it as the authenticated
 * principal.
 *
 * @param owner how the v1 API names the caller in {@code owner}
 */
public record Caller(Optional<UserId> user, Optional<ApiKeyId> apiKey, Optional<TenantId> tenant, Role role,
                     SessionOwner owner) {

    /** The tenant whose scans this caller works with; platform admins have none. */
    public Optional<TenantId> scanTenant() {
        return tenant;
    }

    /** Administrative use cases act on behalf of a person, never of an API key. */
    public Optional<Actor> asActor() {
        return user.map(id -> new Actor(id, role, tenant));
    }
}
