package io.rppg.application.contract;

import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored API keys: found by their secret's hash before the tenant is known (in a platform transaction), otherwise
 * only within their tenant. Their use is recorded at most once a minute.
 */
public abstract class ApiKeyPortContract extends PortContract {

    protected abstract ApiKeyPort apiKeys();

    @Test
    void aKeyIsFoundByItsSecretHashAndWithinItsTenantOnly() {
        var tenant = newTenant();
        var other = newTenant();
        var key = save(newKey(tenant, now()));

        assertThat(inPlatform(() -> apiKeys().findBySecretHash(key.secretHash()))).contains(key);
        assertThat(inTenant(tenant, () -> apiKeys().findById(tenant.id(), key.id()))).contains(key);
        assertThat(inTenant(other, () -> apiKeys().findById(other.id(), key.id()))).isEmpty();
        assertThat(inPlatform(() -> apiKeys().findBySecretHash("no such hash " + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aTenantsKeysAreListedOldestFirst() {
        var tenant = newTenant();
        var other = newTenant();
        var now = now();
        var younger = save(newKey(tenant, now));
        var older = save(newKey(tenant, now.minus(Duration.ofDays(1))));
        save(newKey(other, now));

        assertThat(inTenant(tenant, () -> apiKeys().findByTenant(tenant.id()))).containsExactly(older, younger);
    }

    @Test
    void aRevokedKeyIsStoredRevoked() {
        var tenant = newTenant();
        var key = save(newKey(tenant, now()));
        var revokedAt = now().plusSeconds(5);

        save(key.revoke(revokedAt));

        var stored = inPlatform(() -> apiKeys().findBySecretHash(key.secretHash())).orElseThrow();
        assertThat(stored.revokedAt()).isEqualTo(revokedAt);
        assertThat(stored.isRevoked()).isTrue();
    }

    @Test
    void aKeysUseIsRecordedAtMostOnceAMinute() {
        var tenant = newTenant();
        var key = save(newKey(tenant, now()));
        var firstUse = now().plusSeconds(1);

        withinPlatform(() -> apiKeys().markUsed(tenant.id(), key.id(), firstUse));
        var afterFirst = lastUsed(key);
        withinPlatform(() -> apiKeys().markUsed(tenant.id(), key.id(), firstUse.plusSeconds(59)));
        var withinTheMinute = lastUsed(key);
        withinPlatform(() -> apiKeys().markUsed(tenant.id(), key.id(), firstUse.plusSeconds(61)));
        var afterTheMinute = lastUsed(key);

        assertThat(afterFirst).isEqualTo(firstUse);
        assertThat(withinTheMinute).isEqualTo(firstUse);
        assertThat(afterTheMinute).isEqualTo(firstUse.plusSeconds(61));
    }

    private Instant lastUsed(ApiKey key) {
        return inPlatform(() -> apiKeys().findBySecretHash(key.secretHash())).orElseThrow().lastUsedAt();
    }

    private ApiKey save(ApiKey key) {
        return inTenant(key.tenantId(), () -> apiKeys().save(key));
    }

    private static ApiKey newKey(Tenant tenant, Instant createdAt) {
        var random = UUID.randomUUID().toString().replace("-", "");
        return new ApiKey(new ApiKeyId(UUID.randomUUID()), tenant.id(), "app", "rppg_live_" + random.substring(0, 6),
                "sha256 of " + random, new UserId(UUID.randomUUID()), createdAt, null, null);
    }
}
