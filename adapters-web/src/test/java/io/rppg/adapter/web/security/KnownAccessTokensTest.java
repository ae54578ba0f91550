package io.rppg.adapter.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnownAccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(15);

    /** The verifier at the edge: accepts any token named "good...", until it expires 15 minutes after NOW. */
    private final List<String> verified = new ArrayList<>();
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("not signed by the platform");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("user-" + token).issuedAt(NOW)
                .expiresAt(NOW.plus(TTL)).build();
    };

    @Test
    void aTokenIsVerifiedOnceAndThenKnown() {
        var tokens = new KnownAccessTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC), 10);

        var first = tokens.decode("good-1");
        var second = tokens.decode("good-1");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("good-1");
    }

    @Test
    void aRefusedTokenIsNotKnownAndIsVerifiedAgainEachTime() {
        var tokens = new KnownAccessTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC), 10);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void aKnownTokenGoesBackToTheVerifierFromTheMomentItExpires() {
        var clock = new MovableClock(NOW);
        var tokens = new KnownAccessTokens(verifier, clock, 10);
        tokens.decode("good-1");

        clock.now = NOW.plus(TTL).minusMillis(1);
        tokens.decode("good-1");
        assertThat(verified).hasSize(1);

        clock.now = NOW.plus(TTL);
        tokens.decode("good-1");
        assertThat(verified).hasSize(2);
    }

    @Test
    void whenFullEverythingIsForgottenAndItFillsAgain() {
        var tokens = new KnownAccessTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC), 2);
        tokens.decode("good-1");
        tokens.decode("good-2");
        tokens.decode("good-3");

        tokens.decode("good-3");
        tokens.decode("good-1");

        assertThat(verified).containsExactly("good-1", "good-2", "good-3", "good-1");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        private MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
