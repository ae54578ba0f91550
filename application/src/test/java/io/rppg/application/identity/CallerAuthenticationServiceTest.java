package io.rppg.application.identity;

import io.rppg.application.fakes.DirectTransactions;
import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryAccessChanges;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.port.in.CheckCallerAccessQuery.CallerAccess;
import io.rppg.application.port.out.AccessChangesPort.AccessChange;
import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.application.service.identity.CallerAuthenticationService;
import io.rppg.application.service.identity.Secrets;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallerAuthenticationServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final String SECRET = "rppg_live_" + "K".repeat(40);

    private final IdentityFakes.Users users = new IdentityFakes.Users();
    private final InMemoryTenantPort tenants = new InMemoryTenantPort();
    private final IdentityFakes.ApiKeys apiKeys = new IdentityFakes.ApiKeys();
    private final FixedClock clock = new FixedClock(NOW);
    private final InMemoryAccessChanges changes = new InMemoryAccessChanges();
    private final CallerAuthenticationService service = new CallerAuthenticationService(apiKeys, users, tenants,
            new DirectTransactions(), clock, changes);
    private final Tenant tenant = tenants.save(
            Tenant.register(new TenantId(UUID.randomUUID()), "Clinic", new PlanId(UUID.randomUUID()), NOW));
    private final ApiKey key = apiKeys.save(new ApiKey(new ApiKeyId(UUID.randomUUID()), tenant.id(), "app",
            SECRET.substring(0, 16), Secrets.sha256(SECRET), new UserId(UUID.randomUUID()), NOW, null, null));

    @Test
    void aLiveKeyAuthenticatesAndIsMarkedUsed() {
        clock.set(NOW.plusSeconds(60));

        var authenticated = service.authenticate(SECRET).orElseThrow();

        assertThat(authenticated.key().id()).isEqualTo(key.id());
        assertThat(authenticated.tenantActive()).isTrue();
        assertThat(apiKeys.byId.get(key.id()).lastUsedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void unknownRevokedAndForeignCredentialsDoNotAuthenticate() {
        assertThat(service.authenticate("rppg_live_" + "X".repeat(40))).isEmpty();
        assertThat(service.authenticate(SECRET.substring("rppg_live_".length()))).isEmpty();
        assertThat(service.authenticate(null)).isEmpty();
        assertThat(service.authenticate(SECRET + "x".repeat(200))).isEmpty();

        apiKeys.save(key.revoke(NOW));
        assertThat(service.authenticate(SECRET)).isEmpty();
    }

    @Test
    void aSuspendedTenantsKeyIsKnownButNotActive() {
        tenants.save(tenant.suspend());

        assertThat(service.authenticate(SECRET).orElseThrow().tenantActive()).isFalse();
    }

    @Test
    void accessOfUsers() {
        var member = users.save(new User(new UserId(UUID.randomUUID()), Optional.of(tenant.id()), "jane",
                "jane@clinic.example", "hash", Role.MEMBER, NOW));
        var admin = users.save(new User(new UserId(UUID.randomUUID()), Optional.empty(), "root@rppg.example",
                "root@rppg.example", "hash", Role.PLATFORM_ADMIN, NOW));

        assertThat(service.accessOf(member.id())).isEqualTo(CallerAccess.ALLOWED);
        assertThat(service.accessOf(admin.id())).isEqualTo(CallerAccess.ALLOWED);
        assertThat(service.accessOf(new UserId(UUID.randomUUID()))).isEqualTo(CallerAccess.USER_GONE);

        tenants.save(tenant.suspend());
        assertThat(service.accessOf(member.id())).isEqualTo(CallerAccess.TENANT_SUSPENDED);
        assertThat(service.accessOf(admin.id())).isEqualTo(CallerAccess.ALLOWED);
    }

    @Test
    void whileTheFeedListensAKnownKeyIsAnsweredFromMemoryUntilItsTenantChanges() {
        changes.publish(new AccessChange.Listening());
        assertThat(service.authenticate(SECRET)).isPresent();
        // Revoked behind the feed's back: memory still answers, which shows it is memory that answers.
        apiKeys.save(key.revoke(NOW));
        assertThat(service.authenticate(SECRET)).isPresent();

        changes.publish(new AccessChange.TenantChanged(new TenantId(UUID.randomUUID())));
        assertThat(service.authenticate(SECRET)).isPresent();
        changes.publish(new AccessChange.TenantChanged(tenant.id()));
        assertThat(service.authenticate(SECRET)).isEmpty();
    }

    @Test
    void aSuspensionReachesAKnownKeyThroughTheFeed() {
        changes.publish(new AccessChange.Listening());
        assertThat(service.authenticate(SECRET).orElseThrow().tenantActive()).isTrue();
        tenants.save(tenant.suspend());

        changes.publish(new AccessChange.TenantChanged(tenant.id()));

        assertThat(service.authenticate(SECRET).orElseThrow().tenantActive()).isFalse();
    }

    @Test
    void withoutAListeningFeedEveryRequestReadsTheKey() {
        assertThat(service.authenticate(SECRET)).isPresent();
        apiKeys.save(key.revoke(NOW));
        assertThat(service.authenticate(SECRET)).isEmpty();

        apiKeys.save(key);
        changes.publish(new AccessChange.Listening());
        assertThat(service.authenticate(SECRET)).isPresent();
        changes.publish(new AccessChange.Interrupted());
        apiKeys.save(key.revoke(NOW));
        assertThat(service.authenticate(SECRET)).isEmpty();
    }

    @Test
    void aChangeWhileTheKeyIsBeingReadKeepsTheReadFromBeingRemembered() {
        changes.publish(new AccessChange.Listening());
        ApiKeyPort racingKeys = new ApiKeyPort() {
            @Override
            public ApiKey save(ApiKey saved) {
                return apiKeys.save(saved);
            }

            @Override
            public Optional<ApiKey> findBySecretHash(String secretHash) {
                var read = apiKeys.findBySecretHash(secretHash);
                // Another node revokes the key and its news arrives after this read, before it is kept.
                apiKeys.save(key.revoke(NOW));
                changes.publish(new AccessChange.TenantChanged(tenant.id()));
                return read;
            }

            @Override
            public Optional<ApiKey> findById(TenantId tenantId, ApiKeyId id) {
                return apiKeys.findById(tenantId, id);
            }

            @Override
            public java.util.List<ApiKey> findByTenant(TenantId tenantId) {
                return apiKeys.findByTenant(tenantId);
            }

            @Override
            public void markUsed(TenantId tenantId, ApiKeyId id, Instant now) {
                apiKeys.markUsed(tenantId, id, now);
            }
        };
        var racing = new CallerAuthenticationService(racingKeys, users, tenants, new DirectTransactions(), clock,
                changes);

        assertThat(racing.authenticate(SECRET)).isPresent();

        assertThat(racing.authenticate(SECRET)).isEmpty();
    }

    @Test
    void aKnownKeysUseIsRecordedOnceAMinute() {
        changes.publish(new AccessChange.Listening());
        service.authenticate(SECRET);
        assertThat(apiKeys.byId.get(key.id()).lastUsedAt()).isEqualTo(NOW);

        clock.set(NOW.plusSeconds(59));
        service.authenticate(SECRET);
        assertThat(apiKeys.byId.get(key.id()).lastUsedAt()).isEqualTo(NOW);

        clock.set(NOW.plusSeconds(61));
        service.authenticate(SECRET);
        assertThat(apiKeys.byId.get(key.id()).lastUsedAt()).isEqualTo(NOW.plusSeconds(61));
    }

    @Test
    void whileTheFeedListensATokensUserIsAnsweredFromMemoryUntilTheUserOrTheTenantChanges() {
        var member = users.save(new User(new UserId(UUID.randomUUID()), Optional.of(tenant.id()), "jane",
                "jane@clinic.example", "hash", Role.MEMBER, NOW));
        var admin = users.save(new User(new UserId(UUID.randomUUID()), Optional.empty(), "root@rppg.example",
                "root@rppg.example", "hash", Role.PLATFORM_ADMIN, NOW));
        changes.publish(new AccessChange.Listening());
        assertThat(service.accessOf(member.id())).isEqualTo(CallerAccess.ALLOWED);
        assertThat(service.accessOf(admin.id())).isEqualTo(CallerAccess.ALLOWED);

        // Changed behind the feed's back: memory still answers, which shows it is memory that answers.
        tenants.save(tenant.suspend());
        users.byId.remove(admin.id());
        assertThat(service.accessOf(member.id())).isEqualTo(CallerAccess.ALLOWED);
        assertThat(service.accessOf(admin.id())).isEqualTo(CallerAccess.ALLOWED);

        changes.publish(new AccessChange.TenantChanged(tenant.id()));
        assertThat(service.accessOf(member.id())).isEqualTo(CallerAccess.TENANT_SUSPENDED);
        assertThat(service.accessOf(admin.id())).as("no tenant's news forgets a platform admin")
                .isEqualTo(CallerAccess.ALLOWED);
        changes.publish(new AccessChange.UserChanged(admin.id()));
        assertThat(service.accessOf(admin.id())).isEqualTo(CallerAccess.USER_GONE);
    }

    @Test
    void withoutAListeningFeedEveryTokenReadsItsUser() {
        var member = users.save(new User(new UserId(UUID.randomUUID()), Optional.of(tenant.id()), "jane",
                "jane@clinic.example", "hash", Role.MEMBER, NOW));
        assertThat(service.accessOf(member.id())).isEqualTo(CallerAccess.ALLOWED);
        users.byId.remove(member.id());
        assertThat(service.accessOf(member.id())).isEqualTo(CallerAccess.USER_GONE);

        users.save(member);
        changes.publish(new AccessChange.Listening());
        assertThat(service.accessOf(member.id())).isEqualTo(CallerAccess.ALLOWED);
        changes.publish(new AccessChange.Interrupted());
        users.byId.remove(member.id());
        assertThat(service.accessOf(member.id())).isEqualTo(CallerAccess.USER_GONE);
    }
}
