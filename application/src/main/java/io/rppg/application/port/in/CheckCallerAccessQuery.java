package io.rppg.application.port.in;

import io.rppg.domain.identity.UserId;

/** Whether the user behind a still-valid access token may still call: deleted users and suspended tenants may not. */
public interface CheckCallerAccessQuery {

    CallerAccess accessOf(UserId user);

    enum CallerAccess {
        ALLOWED,
        USER_GONE,
        TENANT_SUSPENDED
    }
}
