package io.rppg.adapter.web.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An access token must say who issued it, when, and until when, and live no longer than this platform issues tokens
 * for: a token with the platform's signature but without {@code exp}, or with a lifetime longer than the configured
 * one, was not issued by it as it is (a leaked signing key, or a token minted by other software sharing the key),
 * and would never expire or live too long. The expiry itself and the issuer's name are checked by Spring Security's
 * validators beside this one.
 */
final class AccessTokenLifetime implements OAuth2TokenValidator<Jwt> {

    /** Clocks of nodes differ a little: a token may seem issued this much in the future, as expiry may be late. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Duration maxLifetime;
    private final Clock clock;

    AccessTokenLifetime(Duration maxLifetime, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant issuedAt = token.getIssuedAt();
        Instant expiresAt = token.getExpiresAt();
        if (issuedAt == null || expiresAt == null || token.getClaimAsString("iss") == null) {
            return refused("the access token must carry iss, iat and exp");
        }
        if (issuedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return refused("the access token was issued in the future");
        }
        // Both instants come from the token itself, so no clock skew enters its lifetime.
        if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
            return refused("the access token lives longer than this platform issues tokens for");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
