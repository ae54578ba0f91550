package io.rppg.application.port.out;

import io.rppg.domain.identity.RefreshToken;
import io.rppg.domain.identity.UserId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stored refresh tokens, by the hash of their value. */
public interface RefreshTokenPort {

    RefreshToken save(RefreshToken token);

    /** The token with this hash, locked against a concurrent use of the same token. */
    Optional<RefreshToken> findByHashForUpdate(String tokenHash);

    void revokeFamily(UUID familyId, Instant now);

    void revokeAllOf(UserId user, Instant now);

    /**
     * Deletes the tokens that can no longer be used at {@code now}: expired or revoked. A spent token stays until
     * then, since presenting it again is how a stolen token is found out.
     *
     * @return how many were deleted
     */
    int deleteExpiredOrRevoked(Instant now);
}
