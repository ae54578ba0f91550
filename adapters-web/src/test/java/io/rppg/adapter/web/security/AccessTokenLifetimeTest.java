package io.rppg.adapter.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenLifetimeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(15);
    private final AccessTokenLifetime validator = new AccessTokenLifetime(TTL, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("user").claim("iss", "rppg-platform");
    }

    @Test
    void aTokenAsThePlatformIssuesItPasses() {
        assertThat(validator.validate(token().issuedAt(NOW).expiresAt(NOW.plus(TTL)).build()).hasErrors()).isFalse();
        assertThat(validator.validate(token().issuedAt(NOW.plusSeconds(59)).expiresAt(NOW.plus(TTL)).build())
                .hasErrors()).as("within the clock skew").isFalse();
    }

    @Test
    void aTokenWithoutExpiryIssueTimeOrIssuerIsRefused() {
        assertThat(validator.validate(token().issuedAt(NOW).build()).hasErrors()).isTrue();
        assertThat(validator.validate(token().expiresAt(NOW.plus(TTL)).build()).hasErrors()).isTrue();
        var noIssuer = Jwt.withTokenValue("t").header("alg", "RS256").subject("user").issuedAt(NOW)
                .expiresAt(NOW.plus(TTL)).build();
        assertThat(validator.validate(noIssuer).hasErrors()).isTrue();
    }

    @Test
    void aTokenLivingLongerThanTheLifetimeIsRefused() {
        assertThat(validator.validate(token().issuedAt(NOW).expiresAt(NOW.plus(TTL).plusSeconds(1)).build())
                .hasErrors()).isTrue();
        assertThat(validator.validate(token().issuedAt(NOW.minus(Duration.ofDays(9))).expiresAt(NOW.plusSeconds(60))
                .build()).hasErrors()).isTrue();
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheSkewIsRefused() {
        assertThat(validator.validate(token().issuedAt(NOW.plusSeconds(61)).expiresAt(NOW.plus(TTL)).build())
                .hasErrors()).isTrue();
    }
}
