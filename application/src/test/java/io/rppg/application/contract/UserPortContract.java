package io.rppg.application.contract;

import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored users. Names are stored lower-cased, as the services store them; a login or a name asked about is found
 * whatever its case and surrounding spaces. Users are written and looked up in platform transactions, as the login
 * and the administration do, and listed within their tenant's.
 */
public abstract class UserPortContract extends PortContract {

    protected abstract UserPort users();

    @Test
    void aUserIsFoundByIdAndByUsernameOrEmailWhateverTheirCaseAndSpaces() {
        var jane = save(member(newTenant(), "jane", now()));

        assertThat(inPlatform(() -> users().findById(jane.id()))).contains(jane);
        assertThat(inPlatform(() -> users().findByLogin(" " + jane.username().toUpperCase() + " "))).contains(jane);
        assertThat(inPlatform(() -> users().findByLogin(jane.email().toUpperCase()))).contains(jane);
        assertThat(inPlatform(() -> users().findByLogin("nobody-" + UUID.randomUUID()))).isEmpty();
        assertThat(inPlatform(() -> users().findById(new UserId(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void takenUsernamesAndEmailsAreSeenWhateverTheirCaseAndSpaces() {
        var jane = save(member(newTenant(), "jane", now()));

        assertThat(inPlatform(() -> users().usernameTaken(" " + jane.username().toUpperCase()))).isTrue();
        assertThat(inPlatform(() -> users().emailTaken(jane.email().toUpperCase() + " "))).isTrue();
        assertThat(inPlatform(() -> users().usernameTaken("free-" + UUID.randomUUID()))).isFalse();
        assertThat(inPlatform(() -> users().emailTaken("free-" + UUID.randomUUID() + "@clinic.example"))).isFalse();
    }

    @Test
    void aSecondUserWithATakenUsernameOrEmailIsRefused() {
        var tenant = newTenant();
        var jane = save(member(tenant, "jane", now()));
        var sameName = new User(new UserId(UUID.randomUUID()), jane.tenantId(), jane.username(),
                "other-" + UUID.randomUUID() + "@clinic.example", "hash", Role.MEMBER, now());
        var sameEmail = new User(new UserId(UUID.randomUUID()), jane.tenantId(), "other-" + UUID.randomUUID(),
                jane.email(), "hash", Role.MEMBER, now());

        assertThatThrownBy(() -> save(sameName)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> save(sameEmail)).isInstanceOf(RuntimeException.class);
        assertThat(inTenant(tenant, () -> users().findByTenant(tenant.id()))).containsExactly(jane);
    }

    @Test
    void aTenantsUsersAreListedOldestFirstWithinItsTransaction() {
        var tenant = newTenant();
        var other = newTenant();
        var now = now();
        var younger = save(member(tenant, "younger", now));
        var older = save(member(tenant, "older", now.minus(Duration.ofDays(1))));
        save(member(other, "stranger", now));

        assertThat(inTenant(tenant, () -> users().findByTenant(tenant.id()))).containsExactly(older, younger);
    }

    @Test
    void aPlatformAdminBelongsToNoTenantAndIsFoundByLogin() {
        var admin = save(new User(new UserId(UUID.randomUUID()), Optional.empty(), "admin-" + UUID.randomUUID(),
                "admin-" + UUID.randomUUID() + "@platform.example", "hash", Role.PLATFORM_ADMIN, now()));

        assertThat(inPlatform(() -> users().findByLogin(admin.username()))).contains(admin);
    }

    @Test
    void aDeletedUserIsGone() {
        var tenant = newTenant();
        var jane = save(member(tenant, "jane", now()));
        var joe = save(member(tenant, "joe", now()));

        withinTenant(tenant, () -> users().delete(tenant.id(), jane.id()));

        assertThat(inPlatform(() -> users().findById(jane.id()))).isEmpty();
        assertThat(inPlatform(() -> users().usernameTaken(jane.username()))).isFalse();
        assertThat(inTenant(tenant, () -> users().findByTenant(tenant.id()))).containsExactly(joe);
    }

    @Test
    void everySavedUserIsCounted() {
        var tenant = newTenant();
        long before = inPlatform(() -> users().count());

        save(member(tenant, "jane", now()));
        save(member(tenant, "joe", now()));

        assertThat(inPlatform(() -> users().count())).isEqualTo(before + 2);
    }

    private User save(User user) {
        return inPlatform(() -> users().save(user));
    }

    private static User member(Tenant tenant, String name, Instant createdAt) {
        var unique = name + "-" + UUID.randomUUID();
        return new User(new UserId(UUID.randomUUID()), Optional.of(tenant.id()), unique, unique + "@clinic.example",
                "hash of " + name, Role.MEMBER, createdAt);
    }
}
