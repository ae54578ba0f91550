package io.rppg.application.contract;

import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.RefreshToken;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored refresh tokens of stored users, by the hash of their value. Revoking a family or a user's tokens leaves
 * the time of an earlier revocation as it was. Tokens are the login's business: platform transactions.
 */
public abstract class RefreshTokenPortContract extends PortContract {

    protected abstract RefreshTokenPort refreshTokens();

    protected abstract UserPort users();

    @Test
    void aTokenIsFoundByItsHash() {
        var token = save(issue(newUser(), UUID.randomUUID()));

        assertThat(findByHash(token)).contains(token);
        assertThat(inPlatform(() -> refreshTokens().findByHashForUpdate("no such hash " + UUID.randomUUID())))
                .isEmpty();
    }

    @Test
    void aSpentTokenIsStoredSpent() {
        var token = save(issue(newUser(), UUID.randomUUID()));
        var spent = token.spend(token.issuedAt().plusSeconds(30));

        save(spent);

        assertThat(findByHash(token)).contains(spent);
    }

    @Test
    void revokingAFamilyRevokesItsLiveTokensOnly() {
        var user = newUser();
        var family = UUID.randomUUID();
        var live = save(issue(user, family));
        var earlier = now().minusSeconds(60);
        var alreadyRevoked = save(withRevocation(issue(user, family), earlier));
        var otherFamily = save(issue(user, UUID.randomUUID()));
        var at = now();

        withinPlatform(() -> refreshTokens().revokeFamily(family, at));

        assertThat(findByHash(live).orElseThrow().revokedAt()).isEqualTo(at);
        assertThat(findByHash(alreadyRevoked).orElseThrow().revokedAt()).isEqualTo(earlier);
        assertThat(findByHash(otherFamily).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void revokingAUsersTokensRevokesEveryFamilyOfThatUserOnly() {
        var user = newUser();
        var other = newUser();
        var first = save(issue(user, UUID.randomUUID()));
        var second = save(issue(user, UUID.randomUUID()));
        var earlier = now().minusSeconds(60);
        var alreadyRevoked = save(withRevocation(issue(user, UUID.randomUUID()), earlier));
        var others = save(issue(other, UUID.randomUUID()));
        var at = now();

        withinPlatform(() -> refreshTokens().revokeAllOf(user.id(), at));

        assertThat(findByHash(first).orElseThrow().revokedAt()).isEqualTo(at);
        assertThat(findByHash(second).orElseThrow().revokedAt()).isEqualTo(at);
        assertThat(findByHash(alreadyRevoked).orElseThrow().revokedAt()).isEqualTo(earlier);
        assertThat(findByHash(others).orElseThrow().revokedAt()).isNull();
    }

    private Optional<RefreshToken> findByHash(RefreshToken token) {
        return inPlatform(() -> refreshTokens().findByHashForUpdate(token.tokenHash()));
    }

    private RefreshToken save(RefreshToken token) {
        return inPlatform(() -> refreshTokens().save(token));
    }

    private User newUser() {
        var name = "user-" + UUID.randomUUID();
        var user = new User(new UserId(UUID.randomUUID()), Optional.empty(), name, name + "@platform.example",
                "hash", Role.PLATFORM_ADMIN, now());
        return inPlatform(() -> users().save(user));
    }

    private static RefreshToken issue(User user, UUID family) {
        return RefreshToken.issue(UUID.randomUUID(), family, user.id(), "sha256 of " + UUID.randomUUID(), now());
    }

    private static RefreshToken withRevocation(RefreshToken token, java.time.Instant revokedAt) {
        return new RefreshToken(token.id(), token.familyId(), token.userId(), token.tokenHash(), token.issuedAt(),
                token.expiresAt(), token.spentAt(), revokedAt);
    }
}
