package io.rppg.adapter.web.security;

import io.rppg.application.port.in.AuthenticateApiKeyUseCase;
import io.rppg.application.port.in.CheckCallerAccessQuery;
import io.rppg.application.port.in.CheckCallerAccessQuery.CallerAccess;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.util.List;
import java.util.Optional;

/**
 * One bearer header, two kinds of credential: {@code rppg_live_...} is an API key, anything else must be an access
 * token this platform signed. Either way the tenant must still be active, and a token's user must still exist.
 */
class BearerCredentialAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticateApiKeyUseCase apiKeys;
    private final CheckCallerAccessQuery access;
    private final JwtDecoder jwtDecoder;

    BearerCredentialAuthenticationProvider(AuthenticateApiKeyUseCase apiKeys, CheckCallerAccessQuery access,
                                           JwtDecoder jwtDecoder) {
        this.apiKeys = apiKeys;
        this.access = access;
        this.jwtDecoder = jwtDecoder;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var token = ((BearerTokenAuthenticationToken) authentication).getToken();
        var caller = token.startsWith(ApiKey.SECRET_PREFIX) ? byApiKey(token) : byAccessToken(token);
        var result = new CallerAuthentication(caller);
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Caller byApiKey(String presented) {
        var authenticated = apiKeys.authenticate(presented)
                .orElseThrow(() -> new InvalidBearerTokenException("invalid or revoked API key"));
        if (!authenticated.tenantActive()) {
            throw new TenantSuspendedException();
        }
        var key = authenticated.key();
        return new Caller(Optional.empty(), Optional.of(key.id()), Optional.of(key.tenantId()), Role.MEMBER,
                key.owner());
    }

    private Caller byAccessToken(String token) {
        Jwt jwt;
        try {
            jwt = jwtDecoder.decode(token);
        } catch (JwtException e) {
            throw new InvalidBearerTokenException("invalid or expired access token", e);
        }
        var user = parse(() -> UserId.of(jwt.getSubject()));
        var role = parse(() -> Role.valueOf(((List<?>) jwt.getClaim(JwtAccessTokenAdapter.ROLES_CLAIM)).get(0).toString()));
        var tenant = Optional.ofNullable(jwt.getClaimAsString(JwtAccessTokenAdapter.TENANT_CLAIM))
                .map(text -> parse(() -> TenantId.of(text)));
        var state = access.accessOf(user);
        if (state == CallerAccess.USER_GONE) {
            throw new InvalidBearerTokenException("the token's user no longer exists");
        }
        if (state == CallerAccess.TENANT_SUSPENDED) {
            throw new TenantSuspendedException();
        }
        return new Caller(Optional.of(user), Optional.empty(), tenant, role,
                new SessionOwner("user_" + user.value().toString().replace("-", "")));
    }

    private static <T> T parse(java.util.function.Supplier<T> claim) {
        try {
            return claim.get();
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("the access token lacks a valid claim");
        }
    }
}
