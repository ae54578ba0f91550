package io.rppg.domain.identity;

import io.rppg.domain.Require;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A long-lived, single-use credential that buys a new access token. Each use spends it and issues its successor in
 * the same family; presenting a spent token again means it was stolen, and the whole family is revoked.
 */
public record RefreshToken(
        UUID id,
        UUID familyId,
        UserId userId,
        String tokenHash,
        Instant issuedAt,
        Instant expiresAt,
        Instant spentAt,
        Instant revokedAt) {

    public static final Duration LIFETIME = Duration.ofDays(30);

    public RefreshToken {
        Require.present(id, "refresh token id");
        Require.present(familyId, "family id");
        Require.present(userId, "user id");
        Require.text(tokenHash, "token hash", 200);
        Require.present(issuedAt, "issued at");
        Require.present(expiresAt, "expires at");
    }

    public static RefreshToken issue(UUID id, UUID familyId, UserId user, String tokenHash, Instant now) {
        return new RefreshToken(id, familyId, user, tokenHash, now, now.plus(LIFETIME), null, null);
    }

    public RefreshUse useAt(Instant now) {
        if (revokedAt != null || !now.isBefore(expiresAt)) {
            return RefreshUse.INVALID;
        }
        return spentAt != null ? RefreshUse.REUSED : RefreshUse.VALID;
    }

    public RefreshToken spend(Instant now) {
        return new RefreshToken(id, familyId, userId, tokenHash, issuedAt, expiresAt, now, revokedAt);
    }

    /** What presenting a refresh token means. */
    public enum RefreshUse {
        VALID,
        /** Spent before: a replay, so the family must be revoked. */
        REUSED,
        /** Expired or revoked. */
        INVALID
    }
}
