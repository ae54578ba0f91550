package io.rppg.adapter.web.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A request authenticated as a {@link Caller}; its authority is the caller's role ({@code ROLE_TENANT_ADMIN}, ...). */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(AuthorityUtils.createAuthorityList("ROLE_" + caller.role().name()));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** The credential is not kept past authentication. */
    @Override
    public Object getCredentials() {
        return null;
    }
}
