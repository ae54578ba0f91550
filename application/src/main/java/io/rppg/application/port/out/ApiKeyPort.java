package io.rppg.application.port.out;

import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored API keys, by the hash of their secret. */
public interface ApiKeyPort {

    ApiKey save(ApiKey key);

    /** Looks a key up by its secret's hash; runs before the tenant is known, in a platform transaction. */
    Optional<ApiKey> findBySecretHash(String secretHash);

    Optional<ApiKey> findById(TenantId tenant, ApiKeyId id);

    List<ApiKey> findByTenant(TenantId tenant);

    /**
     * Records a use of the tenant's key; cheap enough to call on every request because it writes at most once a
     * minute per key.
     */
    void markUsed(TenantId tenant, ApiKeyId id, Instant now);
}
