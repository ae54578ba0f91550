package io.rppg.adapter.web.security;

import org.springframework.security.core.AuthenticationException;

/** The credential is good but its tenant is suspended: answered with 403, not 401. */
class TenantSuspendedException extends AuthenticationException {

    TenantSuspendedException() {
        super("the tenant is suspended");
    }
}
