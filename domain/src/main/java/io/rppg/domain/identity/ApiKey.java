package io.rppg.domain.identity;

import io.rppg.domain.Require;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;

/**
 * A tenant's credential for the v1 API. The secret is shown once at creation; the platform keeps only its hash and a
 * short prefix by which people recognise the key.
 */
public record ApiKey(
        ApiKeyId id,
        TenantId tenantId,
        String name,
        String prefix,
        String secretHash,
        UserId createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    /** Every key starts so, which also tells the platform that a bearer token is a key and not a JWT. */
    public static final String SECRET_PREFIX = "rppg_live_";

    public ApiKey {
        Require.present(id, "API key id");
        Require.present(tenantId, "tenant id");
        Require.text(name, "API key name", 100);
        Require.text(prefix, "API key prefix", 40);
        Require.text(secretHash, "API key hash", 200);
        Require.present(createdBy, "created by");
        Require.present(createdAt, "created at");
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public ApiKey revoke(Instant now) {
        return isRevoked() ? this
                : new ApiKey(id, tenantId, name, prefix, secretHash, createdBy, createdAt, lastUsedAt, now);
    }

    /** The owner the v1 API shows for sessions opened with this key. */
    public SessionOwner owner() {
        return new SessionOwner("key_" + id.value().toString().replace("-", ""));
    }
}
