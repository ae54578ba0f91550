package io.rppg.adapter.persistence.identity;

import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.domain.identity.RefreshToken;
import io.rppg.domain.identity.UserId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Component
class JpaRefreshTokenAdapter implements RefreshTokenPort {

    private final RefreshTokenRepository tokens;

    JpaRefreshTokenAdapter(RefreshTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public RefreshToken save(RefreshToken token) {
        return tokens.save(RefreshTokenEntity.from(token)).toDomain();
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return tokens.findByHashForUpdate(tokenHash).map(RefreshTokenEntity::toDomain);
    }

    @Override
    public void revokeFamily(UUID familyId, Instant now) {
        tokens.revokeFamily(familyId, now);
    }

    @Override
    public void revokeAllOf(UserId user, Instant now) {
        tokens.revokeAllOf(user.value(), now);
    }

    @Override
    public int deleteExpiredOrRevoked(Instant now) {
        return tokens.deleteExpiredOrRevoked(now);
    }
}
