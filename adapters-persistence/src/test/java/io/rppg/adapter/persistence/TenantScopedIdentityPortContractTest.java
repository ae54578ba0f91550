package io.rppg.adapter.persistence;

import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a user and recording a key's use name the tenant in their queries. Both run here in platform
 * transactions, where row-level security lets every tenant through, so only the query's own filter can hold.
 */
class TenantScopedIdentityPortContractTest extends PortContractTest {

    @Autowired
    private UserPort users;
    @Autowired
    private ApiKeyPort apiKeys;

    @Test
    void aUserIsDeletedOnlyThroughItsOwnTenant() {
        var clinic = newTenant(10);
        var insurer = newTenant(10);
        var user = newMember(clinic);

        transactions.inPlatformTransaction(() -> {
            users.delete(insurer.id(), user.id());
            return null;
        });
        assertThat(transactions.inPlatformTransaction(() -> users.findById(user.id()))).isPresent();

        transactions.inPlatformTransaction(() -> {
            users.delete(clinic.id(), user.id());
            return null;
        });
        assertThat(transactions.inPlatformTransaction(() -> users.findById(user.id()))).isEmpty();
    }

    @Test
    void aKeysUseIsRecordedOnlyThroughItsOwnTenant() {
        var clinic = newTenant(10);
        var insurer = newTenant(10);
        var creator = newMember(clinic);
        var key = transactions.inPlatformTransaction(() -> apiKeys.save(new ApiKey(new ApiKeyId(UUID.randomUUID()),
                clinic.id(), "reception", "rppg_live_ab", "hash-" + UUID.randomUUID(), creator.id(), now(), null,
                null)));
        var now = now();

        transactions.inPlatformTransaction(() -> {
            apiKeys.markUsed(insurer.id(), key.id(), now);
            return null;
        });
        assertThat(lastUsed(clinic, key)).isEmpty();

        transactions.inPlatformTransaction(() -> {
            apiKeys.markUsed(clinic.id(), key.id(), now);
            return null;
        });
        assertThat(lastUsed(clinic, key)).contains(now);
    }

    private Optional<java.time.Instant> lastUsed(Tenant tenant, ApiKey key) {
        return transactions.inTenantTransaction(tenant.id(), () -> apiKeys.findById(tenant.id(), key.id()))
                .map(ApiKey::lastUsedAt);
    }

    private User newMember(Tenant tenant) {
        var name = "member-" + UUID.randomUUID().toString().substring(0, 8);
        return transactions.inPlatformTransaction(() -> users.save(new User(new UserId(UUID.randomUUID()),
                Optional.of(tenant.id()), name, name + "@clinic.test", "hash", Role.MEMBER, now())));
    }
}
