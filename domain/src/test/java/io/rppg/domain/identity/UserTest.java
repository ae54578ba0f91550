package io.rppg.domain.identity;

import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final String HASH = "$2a$04$abcdefghijklmnopqrstuv";

    private static User user(Optional<TenantId> tenant, String username, String email, Role role) {
        return new User(new UserId(UUID.randomUUID()), tenant, username, email, HASH, role, NOW);
    }

    private static User member(String username, String email) {
        return user(Optional.of(TENANT), username, email, Role.MEMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "jane.doe", "jane_doe-2", "jane+scans@clinic.example", "A.B_C-D@E+F"})
    void acceptsUsernamesOfLettersDigitsAndSomeMarks(String username) {
        assertThat(member(username, "jane@clinic.example").username()).isEqualTo(username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "jane doe", "jane/doe", "jäne", "jane;drop", "<script>"})
    void refusesUsernamesThatAreTooShortOrHaveOtherCharacters(String username) {
        assertThatThrownBy(() -> member(username, "jane@clinic.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username");
    }

    @Test
    void refusesAUsernameLongerThanAHundredCharacters() {
        assertThat(member("a".repeat(100), "jane@clinic.example").username()).hasSize(100);
        assertThatThrownBy(() -> member("a".repeat(101), "jane@clinic.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
    }

    @Test
    void refusesAMissingUsernameOrEmail() {
        assertThatThrownBy(() -> member(null, "jane@clinic.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> member("jane", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@clinic.example", "j@c.io", "jane.doe+tag@sub.clinic.example"})
    void acceptsEmailAddresses(String email) {
        assertThat(member("jane", email).email()).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jane", "jane@", "@clinic.example", "jane@clinic", "jane@@clinic.example",
            "ja ne@clinic.example", "jane@clinic.exa mple"})
    void refusesMalformedEmailAddresses(String email) {
        assertThatThrownBy(() -> member("jane", email))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("email");
    }

    @Test
    void refusesAnEmailLongerThanTheStandardAllows() {
        var longDomain = "a".repeat(70) + "." + "b".repeat(70) + "." + "c".repeat(70) + "." + "d".repeat(70) + ".com";
        assertThatThrownBy(() -> member("jane", "jane@" + longDomain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("email");
        assertThatThrownBy(() -> member("jane", "j".repeat(65) + "@clinic.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("email");
    }

    @Test
    void refusesABlankPasswordHash() {
        assertThatThrownBy(() -> new User(new UserId(UUID.randomUUID()), Optional.of(TENANT), "jane",
                "jane@clinic.example", " ", Role.MEMBER, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlatformAdminBelongsToNoTenant() {
        var admin = user(Optional.empty(), "root@rppg.example", "root@rppg.example", Role.PLATFORM_ADMIN);

        assertThat(admin.isPlatformAdmin()).isTrue();
        assertThat(admin.belongsTo(TENANT)).isFalse();
        assertThatThrownBy(() -> user(Optional.of(TENANT), "root", "root@rppg.example", Role.PLATFORM_ADMIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform admin belongs to no tenant");
    }

    @Test
    void tenantAdminsAndMembersBelongToATenant() {
        for (var role : new Role[] {Role.TENANT_ADMIN, Role.MEMBER}) {
            assertThat(role.belongsToATenant()).isTrue();
            assertThat(user(Optional.of(TENANT), "jane", "jane@clinic.example", role).isPlatformAdmin()).isFalse();
            assertThatThrownBy(() -> user(Optional.empty(), "jane", "jane@clinic.example", role))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("belongs to a tenant");
        }
        assertThat(Role.PLATFORM_ADMIN.belongsToATenant()).isFalse();
    }

    @Test
    void belongsOnlyToItsOwnTenant() {
        var jane = member("jane", "jane@clinic.example");

        assertThat(jane.belongsTo(TENANT)).isTrue();
        assertThat(jane.belongsTo(new TenantId(UUID.randomUUID()))).isFalse();
    }
}
