package io.rppg.adapter.grpc;

import io.grpc.Context;
import io.rppg.domain.identity.Role;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/**
 * Who is calling, as {@link CallerInterceptor} found it: a tenant's API key or a user's access token.
 *
 * @param credentialKey the credential's name in the rate limiter, the same as on the HTTP surfaces, so that one
 *                      credential has one allowance whichever surface it calls
 */
record GrpcCaller(Optional<TenantId> tenant, SessionOwner owner, Role role, String credentialKey) {

    static final Context.Key<GrpcCaller> KEY = Context.key("rppg-caller");

    /** The caller of the call being served; the interceptor set it before any service method runs. */
    static GrpcCaller current() {
        var caller = KEY.get();
        if (caller == null) {
            throw new IllegalStateException("a call reached a service without its caller");
        }
        return caller;
    }

    /** The tenant whose scans this caller works with; platform administrators have none. */
    TenantId scanTenant() {
        return tenant.orElseThrow(() -> Refusals.of(io.grpc.Status.Code.PERMISSION_DENIED,
                "INSUFFICIENT_PERMISSIONS", "Scans belong to tenants; platform admins have none"));
    }
}
