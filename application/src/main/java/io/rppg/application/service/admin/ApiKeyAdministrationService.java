package io.rppg.application.service.admin;

import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.ManageApiKeysUseCase;
import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.service.identity.Secrets;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.tenant.TenantId;

import java.util.List;

/** A tenant's API keys: {@code rppg_live_} and 40 random base62 characters (about 238 bits). */
public final class ApiKeyAdministrationService implements ManageApiKeysUseCase {

    private static final int SECRET_CHARACTERS = 40;
    /** How much of the random part stays visible, so people can tell keys apart. */
    private static final int VISIBLE_CHARACTERS = 6;

    private final ApiKeyPort apiKeys;
    private final TenantPort tenants;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;

    public ApiKeyAdministrationService(ApiKeyPort apiKeys, TenantPort tenants, TransactionPort transactions,
                                       ClockPort clock, IdGeneratorPort ids) {
        this.apiKeys = apiKeys;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public AdminOutcome<CreatedApiKey> createApiKey(Actor actor, TenantId tenantId, String name) {
        var refusal = TenantAccess.<CreatedApiKey>refusal(actor, tenantId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        var secret = ApiKey.SECRET_PREFIX + Secrets.randomBase62(SECRET_CHARACTERS);
        var prefix = secret.substring(0, ApiKey.SECRET_PREFIX.length() + VISIBLE_CHARACTERS);
        ApiKey key;
        try {
            key = new ApiKey(new ApiKeyId(ids.newUuid()), tenantId, name == null ? null : name.trim(), prefix,
                    Secrets.sha256(secret), actor.userId(), clock.now(), null, null);
        } catch (IllegalArgumentException invalid) {
            return new AdminOutcome.Invalid<>("name", invalid.getMessage());
        }
        return transactions.inTenantTransaction(tenantId, () -> tenants.findById(tenantId).isEmpty()
                ? new AdminOutcome.NotFound<>("tenant")
                : AdminOutcome.done(new CreatedApiKey(apiKeys.save(key), secret)));
    }

    @Override
    public AdminOutcome<List<ApiKey>> listApiKeys(Actor actor, TenantId tenantId) {
        var refusal = TenantAccess.<List<ApiKey>>refusal(actor, tenantId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return transactions.inTenantTransaction(tenantId, () -> tenants.findById(tenantId).isEmpty()
                ? new AdminOutcome.NotFound<>("tenant")
                : AdminOutcome.done(apiKeys.findByTenant(tenantId)));
    }

    @Override
    public AdminOutcome<ApiKey> revokeApiKey(Actor actor, TenantId tenantId, ApiKeyId keyId) {
        var refusal = TenantAccess.<ApiKey>refusal(actor, tenantId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return transactions.inTenantTransaction(tenantId, () -> apiKeys.findById(tenantId, keyId)
                .<AdminOutcome<ApiKey>>map(key -> AdminOutcome.done(apiKeys.save(key.revoke(clock.now()))))
                .orElseGet(() -> new AdminOutcome.NotFound<>("API key")));
    }
}
