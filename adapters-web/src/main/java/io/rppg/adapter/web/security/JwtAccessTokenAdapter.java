package io.rppg.adapter.web.security;

import io.rppg.application.port.out.AccessTokenPort;
import io.rppg.domain.identity.User;
import io.rppg.domain.tenant.TenantId;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Signs RS256 access tokens carrying the user, the tenant and the role. */
class JwtAccessTokenAdapter implements AccessTokenPort {

    static final String TENANT_CLAIM = "tenant_id";
    static final String ROLES_CLAIM = "roles";
    static final String USERNAME_CLAIM = "username";

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final String keyId;

    JwtAccessTokenAdapter(JwtEncoder encoder, SecurityProperties properties, String keyId) {
        this.encoder = encoder;
        this.properties = properties;
        this.keyId = keyId;
    }

    @Override
    public AccessToken issue(User user, Instant now) {
        var expiresAt = now.plus(properties.accessTokenTtl());
        var claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(USERNAME_CLAIM, user.username())
                .claim(ROLES_CLAIM, List.of(user.role().name()));
        user.tenantId().map(TenantId::toString).ifPresent(tenant -> claims.claim(TENANT_CLAIM, tenant));
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        var token = encoder.encode(JwtEncoderParameters.from(header, claims.build()));
        return new AccessToken(token.getTokenValue(), expiresAt);
    }
}
