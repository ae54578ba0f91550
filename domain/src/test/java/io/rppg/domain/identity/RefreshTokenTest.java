package io.rppg.domain.identity;

import io.rppg.domain.identity.RefreshToken.RefreshUse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final UUID FAMILY = UUID.randomUUID();

    private static RefreshToken issued() {
        return RefreshToken.issue(UUID.randomUUID(), FAMILY, new UserId(UUID.randomUUID()), "a".repeat(64), NOW);
    }

    @Test
    void livesThirtyDays() {
        var token = issued();

        assertThat(token.issuedAt()).isEqualTo(NOW);
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(token.spentAt()).isNull();
        assertThat(token.revokedAt()).isNull();
    }

    @Test
    void aFreshTokenIsValidUntilItExpires() {
        var token = issued();

        assertThat(token.useAt(NOW)).isEqualTo(RefreshUse.VALID);
        assertThat(token.useAt(token.expiresAt().minusMillis(1))).isEqualTo(RefreshUse.VALID);
        assertThat(token.useAt(token.expiresAt())).isEqualTo(RefreshUse.INVALID);
        assertThat(token.useAt(token.expiresAt().plusSeconds(1))).isEqualTo(RefreshUse.INVALID);
    }

    @Test
    void spendingRecordsTheMomentAndKeepsTheFamily() {
        var token = issued();

        var spent = token.spend(NOW.plusSeconds(5));

        assertThat(spent.spentAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(spent.familyId()).isEqualTo(FAMILY);
        assertThat(spent).usingRecursiveComparison().ignoringFields("spentAt").isEqualTo(token);
    }

    @Test
    void aSpentTokenPresentedAgainIsAReuse() {
        var spent = issued().spend(NOW.plusSeconds(5));

        assertThat(spent.useAt(NOW.plusSeconds(10))).isEqualTo(RefreshUse.REUSED);
    }

    @Test
    void aRevokedTokenIsInvalidWhetherSpentOrNot() {
        var token = issued();
        var revoked = new RefreshToken(token.id(), token.familyId(), token.userId(), token.tokenHash(),
                token.issuedAt(), token.expiresAt(), null, NOW.plusSeconds(1));
        var spentAndRevoked = new RefreshToken(token.id(), token.familyId(), token.userId(), token.tokenHash(),
                token.issuedAt(), token.expiresAt(), NOW.plusSeconds(1), NOW.plusSeconds(2));

        assertThat(revoked.useAt(NOW.plusSeconds(3))).isEqualTo(RefreshUse.INVALID);
        assertThat(spentAndRevoked.useAt(NOW.plusSeconds(3))).isEqualTo(RefreshUse.INVALID);
    }

    @Test
    void aSpentTokenPastItsExpiryIsInvalidNotAReuse() {
        var spent = issued().spend(NOW.plusSeconds(5));

        assertThat(spent.useAt(NOW.plus(Duration.ofDays(31)))).isEqualTo(RefreshUse.INVALID);
    }

    @Test
    void refusesAMissingHashOrFamily() {
        assertThatThrownBy(() -> RefreshToken.issue(UUID.randomUUID(), FAMILY, new UserId(UUID.randomUUID()), " ", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RefreshToken.issue(UUID.randomUUID(), null, new UserId(UUID.randomUUID()), "h", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
