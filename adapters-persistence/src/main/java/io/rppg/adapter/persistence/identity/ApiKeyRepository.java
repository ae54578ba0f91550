package io.rppg.adapter.persistence.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, UUID> {

    Optional<ApiKeyEntity> findBySecretHash(String secretHash);

    Optional<ApiKeyEntity> findByTenantIdAndId(UUID tenantId, UUID id);

    List<ApiKeyEntity> findByTenantIdOrderByCreatedAt(UUID tenantId);

    @Modifying
    @Query("""
            update ApiKeyEntity k set k.lastUsedAt = :now
            where k.tenantId = :tenantId and k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :staleBefore)
            """)
    int touch(UUID tenantId, UUID id, Instant now, Instant staleBefore);
}
