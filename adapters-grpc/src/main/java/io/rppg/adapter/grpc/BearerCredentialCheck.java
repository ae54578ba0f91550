package io.rppg.adapter.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rppg.application.port.in.AuthenticateApiKeyUseCase;
import io.rppg.application.port.in.CheckCallerAccessQuery;
import io.rppg.application.port.in.CheckCallerAccessQuery.CallerAccess;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges the {@code authorization: Bearer ...} of a call exactly as the HTTP surfaces judge their header:
 * {@code rppg_live_...} is an API key, anything else must be an access token this platform signed (checked by the
 * platform's {@link JwtDecoder}: signature, issuer, lifetime). Either way the tenant must be active and a token's
 * user must still exist.
 */
final class BearerCredentialCheck {

    /** The claims the platform's access tokens carry beside {@code sub}: the same names the token issuer writes. */
    static final String TENANT_CLAIM = "tenant_id";
    static final String ROLES_CLAIM = "roles";

    private static final int MAX_CREDENTIAL_LENGTH = 4096;

    private final AuthenticateApiKeyUseCase apiKeys;
    private final CheckCallerAccessQuery access;
    private final JwtDecoder accessTokens;

    BearerCredentialCheck(AuthenticateApiKeyUseCase apiKeys, CheckCallerAccessQuery access, JwtDecoder accessTokens) {
        this.apiKeys = apiKeys;
        this.access = access;
        this.accessTokens = accessTokens;
    }

    /** The caller, or the refusal: UNAUTHENTICATED for a missing or bad credential, PERMISSION_DENIED when suspended. */
    GrpcCaller authenticate(String authorization) {
        if (authorization == null || authorization.length() < 8
                || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw unauthenticated("Send authorization: Bearer <access token or API key>");
        }
        var credential = authorization.substring(7).strip();
        if (credential.isEmpty() || credential.length() > MAX_CREDENTIAL_LENGTH) {
            throw unauthenticated("The bearer credential is missing or too long");
        }
        return credential.startsWith(ApiKey.SECRET_PREFIX) ? byApiKey(credential) : byAccessToken(credential);
    }

    private GrpcCaller byApiKey(String presented) {
        var authenticated = apiKeys.authenticate(presented)
                .orElseThrow(() -> unauthenticated("The API key is invalid or revoked"));
        if (!authenticated.tenantActive()) {
            throw suspended();
        }
        var key = authenticated.key();
        return new GrpcCaller(Optional.of(key.tenantId()), key.owner(), Role.MEMBER, "api-key:" + key.id().value());
    }

    private GrpcCaller byAccessToken(String token) {
        Jwt jwt;
        try {
            jwt = accessTokens.decode(token);
        } catch (JwtException e) {
            throw unauthenticated("The access token is invalid or expired");
        }
        UserId user;
        Role role;
        Optional<TenantId> tenant;
        try {
            user = UserId.of(jwt.getSubject());
            role = Role.valueOf(((List<?>) jwt.getClaim(ROLES_CLAIM)).getFirst().toString());
            tenant = Optional.ofNullable(jwt.getClaimAsString(TENANT_CLAIM)).map(TenantId::of);
        } catch (RuntimeException e) {
            throw unauthenticated("The access token lacks a valid claim");
        }
        var state = access.accessOf(user);
        if (state == CallerAccess.USER_GONE) {
            throw unauthenticated("The token's user no longer exists");
        }
        if (state == CallerAccess.TENANT_SUSPENDED) {
            throw suspended();
        }
        return new GrpcCaller(tenant, new SessionOwner("user_" + user.value().toString().replace("-", "")), role,
                "user:" + user.value());
    }

    private static StatusRuntimeException unauthenticated(String message) {
        return Refusals.of(Status.Code.UNAUTHENTICATED, "INVALID_TOKEN", message);
    }

    private static StatusRuntimeException suspended() {
        return Refusals.of(Status.Code.PERMISSION_DENIED, "TENANT_SUSPENDED", "This tenant is suspended");
    }
}
