package io.rppg.application.identity;

import io.rppg.application.fakes.InMemoryRefreshTokenPort;
import io.rppg.application.fakes.DirectTransactions;
import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.fakes.SequentialIds;
import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.ManageApiKeysUseCase.CreatedApiKey;
import io.rppg.application.port.in.ManageUsersUseCase.NewUser;
import io.rppg.application.service.admin.ApiKeyAdministrationService;
import io.rppg.application.service.admin.UserAdministrationService;
import io.rppg.application.service.identity.Secrets;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.identity.RefreshToken;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdministrationServicesTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final String PASSWORD = "a long enough password";

    private final IdentityFakes.Users users = new IdentityFakes.Users();
    private final InMemoryTenantPort tenants = new InMemoryTenantPort();
    private final InMemoryRefreshTokenPort refreshTokens = new InMemoryRefreshTokenPort();
    private final IdentityFakes.ApiKeys apiKeys = new IdentityFakes.ApiKeys();
    private final DirectTransactions transactions = new DirectTransactions();
    private final FixedClock clock = new FixedClock(NOW);
    private final UserAdministrationService userAdmin = new UserAdministrationService(users, tenants, refreshTokens,
            new IdentityFakes.PlainHasher(), transactions, clock, new SequentialIds());
    private final ApiKeyAdministrationService keyAdmin = new ApiKeyAdministrationService(apiKeys, tenants,
            transactions, clock, new SequentialIds());

    private final Tenant clinic = tenant("Clinic");
    private final Tenant insurer = tenant("Insurer");
    private final Actor platformAdmin = new Actor(new UserId(UUID.randomUUID()), Role.PLATFORM_ADMIN, Optional.empty());
    private final Actor clinicAdmin = new Actor(new UserId(UUID.randomUUID()), Role.TENANT_ADMIN, Optional.of(clinic.id()));
    private final Actor clinicMember = new Actor(new UserId(UUID.randomUUID()), Role.MEMBER, Optional.of(clinic.id()));

    private Tenant tenant(String name) {
        return tenants.save(Tenant.register(new TenantId(UUID.randomUUID()), name, new PlanId(UUID.randomUUID()), NOW));
    }

    private static NewUser member(String username) {
        return new NewUser(username, username + "@clinic.example", PASSWORD, Role.MEMBER);
    }

    private static <T> T done(AdminOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(AdminOutcome.Done.class);
        return ((AdminOutcome.Done<T>) outcome).value();
    }

    // --- who may administer which tenant

    @Test
    void aPlatformAdminAdministersEveryTenant() {
        assertThat(userAdmin.createUser(platformAdmin, clinic.id(), member("jane"))).isInstanceOf(AdminOutcome.Done.class);
        assertThat(userAdmin.createUser(platformAdmin, insurer.id(), member("joe"))).isInstanceOf(AdminOutcome.Done.class);
        assertThat(keyAdmin.createApiKey(platformAdmin, insurer.id(), "app")).isInstanceOf(AdminOutcome.Done.class);
        assertThat(done(userAdmin.listUsers(platformAdmin, insurer.id()))).extracting(User::username).containsExactly("joe");
    }

    @Test
    void aTenantAdminAdministersOnlyTheirOwnTenant() {
        assertThat(userAdmin.createUser(clinicAdmin, clinic.id(), member("jane"))).isInstanceOf(AdminOutcome.Done.class);
        assertThat(keyAdmin.createApiKey(clinicAdmin, clinic.id(), "app")).isInstanceOf(AdminOutcome.Done.class);
    }

    @Test
    void anotherTenantLooksMissingToATenantAdmin() {
        var insurersKey = done(keyAdmin.createApiKey(platformAdmin, insurer.id(), "app")).key();
        var insurersUser = done(userAdmin.createUser(platformAdmin, insurer.id(), member("joe")));

        assertThat(userAdmin.createUser(clinicAdmin, insurer.id(), member("jane")))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(userAdmin.listUsers(clinicAdmin, insurer.id())).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(userAdmin.deleteUser(clinicAdmin, insurer.id(), insurersUser.id()))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(keyAdmin.createApiKey(clinicAdmin, insurer.id(), "app")).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(keyAdmin.listApiKeys(clinicAdmin, insurer.id())).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(keyAdmin.revokeApiKey(clinicAdmin, insurer.id(), insurersKey.id()))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(apiKeys.byId.get(insurersKey.id()).isRevoked()).isFalse();
        assertThat(users.byId).containsKey(insurersUser.id());
        assertThat(users.byId.values()).extracting(User::username).doesNotContain("jane");
    }

    @Test
    void aTenantAdminCannotReachAnotherTenantsRecordsThroughTheirOwnTenant() {
        var insurersKey = done(keyAdmin.createApiKey(platformAdmin, insurer.id(), "app")).key();
        var insurersUser = done(userAdmin.createUser(platformAdmin, insurer.id(), member("joe")));

        assertThat(keyAdmin.revokeApiKey(clinicAdmin, clinic.id(), insurersKey.id()))
                .isEqualTo(new AdminOutcome.NotFound<>("API key"));
        assertThat(userAdmin.deleteUser(clinicAdmin, clinic.id(), insurersUser.id()))
                .isEqualTo(new AdminOutcome.NotFound<>("user"));
        assertThat(apiKeys.byId.get(insurersKey.id()).isRevoked()).isFalse();
        assertThat(users.byId).containsKey(insurersUser.id());
    }

    @Test
    void membersAdministerNothing() {
        assertThat(userAdmin.createUser(clinicMember, clinic.id(), member("jane"))).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(userAdmin.listUsers(clinicMember, clinic.id())).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(keyAdmin.createApiKey(clinicMember, clinic.id(), "app")).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(keyAdmin.listApiKeys(clinicMember, clinic.id())).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(keyAdmin.listApiKeys(clinicMember, insurer.id())).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(users.byId).isEmpty();
        assertThat(apiKeys.byId).isEmpty();
    }

    @Test
    void aMissingTenantIsNotFoundEvenForAPlatformAdmin() {
        var nowhere = new TenantId(UUID.randomUUID());

        assertThat(userAdmin.createUser(platformAdmin, nowhere, member("jane"))).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(keyAdmin.createApiKey(platformAdmin, nowhere, "app")).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(keyAdmin.listApiKeys(platformAdmin, nowhere)).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
    }

    // --- users

    @Test
    void createsAUserWithLowerCaseNamesAndAHashedPassword() {
        var user = done(userAdmin.createUser(clinicAdmin, clinic.id(),
                new NewUser(" Jane.Doe ", "Jane@Clinic.Example", PASSWORD, Role.TENANT_ADMIN)));

        assertThat(user.username()).isEqualTo("jane.doe");
        assertThat(user.email()).isEqualTo("jane@clinic.example");
        assertThat(user.role()).isEqualTo(Role.TENANT_ADMIN);
        assertThat(user.tenantId()).contains(clinic.id());
        assertThat(user.createdAt()).isEqualTo(NOW);
        assertThat(user.passwordHash()).isEqualTo("hashed:" + PASSWORD);
        assertThat(users.byId).containsValue(user);
    }

    @Test
    void nobodyCreatesAPlatformAdminOrAUserWithoutARole() {
        assertThat(userAdmin.createUser(platformAdmin, clinic.id(),
                new NewUser("root2", "root2@rppg.example", PASSWORD, Role.PLATFORM_ADMIN)))
                .isInstanceOf(AdminOutcome.Invalid.class)
                .extracting("field").isEqualTo("role");
        assertThat(userAdmin.createUser(platformAdmin, clinic.id(), new NewUser("jane", "jane@c.example", PASSWORD, null)))
                .extracting("field").isEqualTo("role");
        assertThat(users.byId).isEmpty();
    }

    @Test
    void refusesAWeakPasswordAndMalformedNames() {
        assertThat(userAdmin.createUser(clinicAdmin, clinic.id(), new NewUser("jane", "jane@c.example", "short", Role.MEMBER)))
                .isEqualTo(new AdminOutcome.Invalid<>("password", "password must have at least 10 characters"));
        assertThat(userAdmin.createUser(clinicAdmin, clinic.id(), new NewUser("jane", "not-an-email", PASSWORD, Role.MEMBER)))
                .isInstanceOf(AdminOutcome.Invalid.class).extracting("field").isEqualTo("email");
        assertThat(userAdmin.createUser(clinicAdmin, clinic.id(), new NewUser("ja ne", "jane@c.example", PASSWORD, Role.MEMBER)))
                .isInstanceOf(AdminOutcome.Invalid.class).extracting("field").isEqualTo("username");
        assertThat(userAdmin.createUser(clinicAdmin, clinic.id(), new NewUser(null, "jane@c.example", PASSWORD, Role.MEMBER)))
                .isInstanceOf(AdminOutcome.Invalid.class).extracting("field").isEqualTo("username");
        assertThat(users.byId).isEmpty();
    }

    @Test
    void usernamesAndEmailsAreUniqueAcrossThePlatformWhateverTheirCase() {
        done(userAdmin.createUser(platformAdmin, insurer.id(), new NewUser("jane", "jane@clinic.example", PASSWORD, Role.MEMBER)));

        assertThat(userAdmin.createUser(clinicAdmin, clinic.id(), new NewUser("JANE", "other@clinic.example", PASSWORD, Role.MEMBER)))
                .isInstanceOf(AdminOutcome.Conflict.class).extracting("code").isEqualTo("USERNAME_TAKEN");
        assertThat(userAdmin.createUser(clinicAdmin, clinic.id(), new NewUser("jane2", "Jane@Clinic.example", PASSWORD, Role.MEMBER)))
                .isInstanceOf(AdminOutcome.Conflict.class).extracting("code").isEqualTo("EMAIL_TAKEN");
        assertThat(users.byId).hasSize(1);
    }

    @Test
    void deletingAUserRevokesTheirRefreshTokens() {
        var jane = done(userAdmin.createUser(clinicAdmin, clinic.id(), member("jane")));
        refreshTokens.save(RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), jane.id(), "h".repeat(64), NOW));

        assertThat(done(userAdmin.deleteUser(clinicAdmin, clinic.id(), jane.id()))).isEqualTo(jane.id());

        assertThat(users.byId).doesNotContainKey(jane.id());
        assertThat(refreshTokens.byId.values()).allMatch(token -> token.revokedAt() != null);
        assertThat(userAdmin.deleteUser(clinicAdmin, clinic.id(), jane.id())).isEqualTo(new AdminOutcome.NotFound<>("user"));
    }

    @Test
    void anAdminCannotDeleteThemself() {
        assertThat(userAdmin.deleteUser(clinicAdmin, clinic.id(), clinicAdmin.userId()))
                .isInstanceOf(AdminOutcome.Conflict.class).extracting("code").isEqualTo("CANNOT_DELETE_SELF");
    }

    @Test
    void tenantWorkRunsInThatTenantsTransaction() {
        userAdmin.listUsers(clinicAdmin, clinic.id());
        keyAdmin.listApiKeys(clinicAdmin, clinic.id());

        assertThat(transactions.tenantTransactions()).containsOnly(clinic.id());
    }

    // --- API keys

    @Test
    void aNewKeysSecretIsShownOnceAndOnlyItsHashIsKept() {
        CreatedApiKey created = done(keyAdmin.createApiKey(clinicAdmin, clinic.id(), "  mobile app "));

        var secret = created.secret();
        assertThat(secret).startsWith("rppg_live_").hasSize("rppg_live_".length() + 40);
        assertThat(secret.substring("rppg_live_".length())).matches("[0-9A-Za-z]{40}");
        var stored = apiKeys.byId.get(created.key().id());
        assertThat(stored.secretHash()).isEqualTo(Secrets.sha256(secret)).hasSize(64).doesNotContain(secret);
        assertThat(stored.prefix()).isEqualTo(secret.substring(0, 16));
        assertThat(stored.name()).isEqualTo("mobile app");
        assertThat(stored.tenantId()).isEqualTo(clinic.id());
        assertThat(stored.createdBy()).isEqualTo(clinicAdmin.userId());
        assertThat(stored.lastUsedAt()).isNull();
        assertThat(created.toString()).doesNotContain(secret);
    }

    @Test
    void everyKeyHasItsOwnSecret() {
        var first = done(keyAdmin.createApiKey(clinicAdmin, clinic.id(), "one")).secret();
        var second = done(keyAdmin.createApiKey(clinicAdmin, clinic.id(), "two")).secret();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void refusesABlankName() {
        assertThat(keyAdmin.createApiKey(clinicAdmin, clinic.id(), "   "))
                .isInstanceOf(AdminOutcome.Invalid.class).extracting("field").isEqualTo("name");
        assertThat(keyAdmin.createApiKey(clinicAdmin, clinic.id(), null))
                .isInstanceOf(AdminOutcome.Invalid.class).extracting("field").isEqualTo("name");
        assertThat(apiKeys.byId).isEmpty();
    }

    @Test
    void listsOnlyTheTenantsOwnKeys() {
        done(keyAdmin.createApiKey(clinicAdmin, clinic.id(), "clinic app"));
        done(keyAdmin.createApiKey(platformAdmin, insurer.id(), "insurer app"));

        List<ApiKey> keys = done(keyAdmin.listApiKeys(clinicAdmin, clinic.id()));

        assertThat(keys).extracting(ApiKey::name).containsExactly("clinic app");
    }

    @Test
    void revokesAKeyOnceAndKeepsTheFirstMoment() {
        var key = done(keyAdmin.createApiKey(clinicAdmin, clinic.id(), "app")).key();
        clock.advance(java.time.Duration.ofMinutes(5));

        var revoked = done(keyAdmin.revokeApiKey(clinicAdmin, clinic.id(), key.id()));
        clock.advance(java.time.Duration.ofMinutes(5));
        var again = done(keyAdmin.revokeApiKey(clinicAdmin, clinic.id(), key.id()));

        assertThat(revoked.revokedAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(again.revokedAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(apiKeys.byId.get(key.id()).isRevoked()).isTrue();
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        assertThat(keyAdmin.revokeApiKey(clinicAdmin, clinic.id(), new ApiKeyId(UUID.randomUUID())))
                .isEqualTo(new AdminOutcome.NotFound<>("API key"));
    }
}
