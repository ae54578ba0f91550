package io.rppg.adapter.persistence.identity;

import io.rppg.adapter.persistence.access.PostgresAccessChangesAdapter;
import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Component
class JpaApiKeyAdapter implements ApiKeyPort {

    /** A busy key would otherwise write its row on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final PostgresAccessChangesAdapter accessChanges;

    JpaApiKeyAdapter(ApiKeyRepository keys, PostgresAccessChangesAdapter accessChanges) {
        this.keys = keys;
        this.accessChanges = accessChanges;
    }

    @Override
    public ApiKey save(ApiKey key) {
        var saved = keys.save(ApiKeyEntity.from(key)).toDomain();
        if (saved.isRevoked()) {
            accessChanges.announceHere(saved.tenantId());
        }
        return saved;
    }

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return keys.findBySecretHash(secretHash).map(ApiKeyEntity::toDomain);
    }

    @Override
    public Optional<ApiKey> findById(TenantId tenant, ApiKeyId id) {
        return keys.findByTenantIdAndId(tenant.value(), id.value()).map(ApiKeyEntity::toDomain);
    }

    @Override
    public List<ApiKey> findByTenant(TenantId tenant) {
        return keys.findByTenantIdOrderByCreatedAt(tenant.value()).stream().map(ApiKeyEntity::toDomain).toList();
    }

    @Override
    public void markUsed(TenantId tenant, ApiKeyId id, Instant now) {
        keys.touch(tenant.value(), id.value(), now, now.minus(LAST_USED_RESOLUTION));
    }
}
