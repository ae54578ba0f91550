package io.rppg.application.port.in;

import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.tenant.TenantId;

import java.util.List;

/** Tenant admins (and platform admins) create, list and revoke a tenant's API keys. */
public interface ManageApiKeysUseCase {

    /** The new key with its secret: the only moment the secret exists outside the client. */
    AdminOutcome<CreatedApiKey> createApiKey(Actor actor, TenantId tenant, String name);

    AdminOutcome<List<ApiKey>> listApiKeys(Actor actor, TenantId tenant);

    AdminOutcome<ApiKey> revokeApiKey(Actor actor, TenantId tenant, ApiKeyId key);

    record CreatedApiKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "CreatedApiKey[key=" + key.id() + ", secret=<hidden>]";
        }
    }
}
