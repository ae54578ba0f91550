package io.rppg.application.fakes;

import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.domain.identity.RefreshToken;
import io.rppg.domain.identity.UserId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens in a map by id, with the adapter's rules. */
public final class InMemoryRefreshTokenPort implements RefreshTokenPort {

    public final Map<UUID, RefreshToken> byId = new LinkedHashMap<>();

    @Override
    public RefreshToken save(RefreshToken token) {
        byId.put(token.id(), token);
        return token;
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return byId.values().stream().filter(token -> token.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public void revokeFamily(UUID familyId, Instant now) {
        byId.replaceAll((id, token) -> token.familyId().equals(familyId) && token.revokedAt() == null
                ? revoked(token, now) : token);
    }

    @Override
    public void revokeAllOf(UserId user, Instant now) {
        byId.replaceAll((id, token) -> token.userId().equals(user) && token.revokedAt() == null
                ? revoked(token, now) : token);
    }

    @Override
    public int deleteExpiredOrRevoked(Instant now) {
        int before = byId.size();
        byId.values().removeIf(token -> !now.isBefore(token.expiresAt()) || token.revokedAt() != null);
        return before - byId.size();
    }

    private static RefreshToken revoked(RefreshToken token, Instant now) {
        return new RefreshToken(token.id(), token.familyId(), token.userId(), token.tokenHash(),
                token.issuedAt(), token.expiresAt(), token.spentAt(), now);
    }
}
