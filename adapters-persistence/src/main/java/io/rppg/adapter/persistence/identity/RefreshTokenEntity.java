package io.rppg.adapter.persistence.identity;

import io.rppg.domain.identity.RefreshToken;
import io.rppg.domain.identity.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "refresh_tokens")
class RefreshTokenEntity {

    @Id
    private UUID id;
    @Column(name = "family_id")
    private UUID familyId;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "spent_at")
    private Instant spentAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshTokenEntity() {
    }

    static RefreshTokenEntity from(RefreshToken token) {
        var entity = new RefreshTokenEntity();
        entity.id = token.id();
        entity.familyId = token.familyId();
        entity.userId = token.userId().value();
        entity.tokenHash = token.tokenHash();
        entity.issuedAt = token.issuedAt();
        entity.expiresAt = token.expiresAt();
        entity.spentAt = token.spentAt();
        entity.revokedAt = token.revokedAt();
        return entity;
    }

    RefreshToken toDomain() {
        return new RefreshToken(id, familyId, new UserId(userId), tokenHash, issuedAt, expiresAt, spentAt, revokedAt);
    }
}
