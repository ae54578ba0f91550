package io.rppg.adapter.persistence.identity;

import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_keys")
class ApiKeyEntity {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private String name;
    private String prefix;
    @Column(name = "secret_hash")
    private String secretHash;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKeyEntity() {
    }

    static ApiKeyEntity from(ApiKey key) {
        var entity = new ApiKeyEntity();
        entity.id = key.id().value();
        entity.tenantId = key.tenantId().value();
        entity.name = key.name();
        entity.prefix = key.prefix();
        entity.secretHash = key.secretHash();
        entity.createdBy = key.createdBy().value();
        entity.createdAt = key.createdAt();
        entity.lastUsedAt = key.lastUsedAt();
        entity.revokedAt = key.revokedAt();
        return entity;
    }

    ApiKey toDomain() {
        return new ApiKey(new ApiKeyId(id), new TenantId(tenantId), name, prefix, secretHash, new UserId(createdBy),
                createdAt, lastUsedAt, revokedAt);
    }
}
