package io.rppg.bootstrap.identity;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.rppg.bootstrap.identity.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Two tenants' admins cannot see or change each other's users and keys, even knowing their ids. */
class TenantIsolationTest extends PlatformTest {

    private Api api;
    private String clinic;
    private String insurer;
    private String clinicAdmin;
    private Api.Account insurerMember;
    private Api.Key insurerKey;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clinic = api.createTenant();
        insurer = api.createTenant();
        var admin = api.createUser(clinic, "tenant_admin");
        clinicAdmin = api.logIn(admin.username(), admin.password()).access();
        insurerMember = api.createUser(insurer, "member");
        insurerKey = api.createKey(api.adminToken(), insurer);
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo("NOT_FOUND");
    }

    private void assertInsurerUntouched() {
        var users = Api.expect(api.get("/api/v1/admin/tenants/" + insurer + "/users", api.adminToken()), 200).json();
        assertThat(users.size()).isEqualTo(1);
        assertThat(users.get(0).path("id").asString()).isEqualTo(insurerMember.id());
        var keys = Api.expect(api.get("/api/v1/admin/tenants/" + insurer + "/api-keys", api.adminToken()), 200).json();
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).path("revoked_at").isNull()).isTrue();
        assertThat(api.get(Api.unmappedV1Path(), insurerKey.secret()).status()).isEqualTo(404);
        assertThat(api.logIn(insurerMember.username(), insurerMember.password()).access()).isNotBlank();
    }

    @Test
    void anotherTenantLooksExactlyLikeAMissingOne() {
        var other = api.get("/api/v1/admin/tenants/" + insurer, clinicAdmin);
        var missing = api.get("/api/v1/admin/tenants/" + UUID.randomUUID(), clinicAdmin);

        assertNotFound(other);
        assertNotFound(missing);
        assertThat(other.json().path("detail")).isEqualTo(missing.json().path("detail"));
        assertThat(api.get("/api/v1/admin/tenants/" + clinic, clinicAdmin).status()).isEqualTo(200);
    }

    @Test
    void cannotListAnotherTenantsUsersOrKeys() {
        assertNotFound(api.get("/api/v1/admin/tenants/" + insurer + "/users", clinicAdmin));
        assertNotFound(api.get("/api/v1/admin/tenants/" + insurer + "/api-keys", clinicAdmin));
        assertThat(api.get("/api/v1/admin/tenants", clinicAdmin).status()).isEqualTo(403);
    }

    @Test
    void ownListsShowNothingOfTheOtherTenant() {
        var users = api.get("/api/v1/admin/tenants/" + clinic + "/users", clinicAdmin);
        var keys = api.get("/api/v1/admin/tenants/" + clinic + "/api-keys", clinicAdmin);

        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).doesNotContain(insurerMember.id(), insurerMember.username(), insurer);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().size()).isZero();
    }

    @Test
    void cannotCreateUsersOrKeysInAnotherTenant() {
        var username = "intruder-" + Api.random();

        assertNotFound(api.post("/api/v1/admin/tenants/" + insurer + "/users", clinicAdmin,
                body("username", username, "email", username + "@clinic.test", "password", Api.PASSWORD,
                        "role", "tenant_admin")));
        assertNotFound(api.post("/api/v1/admin/tenants/" + insurer + "/api-keys", clinicAdmin, body("name", "mine")));

        assertThat(api.v2Login(username, Api.PASSWORD).status()).isEqualTo(401);
        assertInsurerUntouched();
    }

    @Test
    void cannotDeleteAnotherTenantsUserOrRevokeItsKeyByGuessingIds() {
        var attempts = List.of(
                api.delete("/api/v1/admin/tenants/" + insurer + "/users/" + insurerMember.id(), clinicAdmin),
                api.delete("/api/v1/admin/tenants/" + clinic + "/users/" + insurerMember.id(), clinicAdmin),
                api.delete("/api/v1/admin/tenants/" + insurer + "/api-keys/" + insurerKey.id(), clinicAdmin),
                api.delete("/api/v1/admin/tenants/" + clinic + "/api-keys/" + insurerKey.id(), clinicAdmin));

        attempts.forEach(TenantIsolationTest::assertNotFound);
        assertInsurerUntouched();
    }

    @Test
    void aPlatformAdminManagesEveryTenant() {
        var key = api.createKey(api.adminToken(), clinic);

        assertThat(api.delete("/api/v1/admin/tenants/" + clinic + "/api-keys/" + key.id(), api.adminToken()).status())
                .isEqualTo(204);
        assertThat(api.get(Api.unmappedV1Path(), key.secret()).status()).isEqualTo(401);
    }

    @Test
    void aDeletedUsersStillSignedTokenIsRefused() {
        var member = api.createUser(clinic, "member");
        var tokens = api.logIn(member.username(), member.password());
        assertThat(api.get(Api.unmappedV1Path(), tokens.access()).status()).isEqualTo(404);

        assertThat(api.delete("/api/v1/admin/tenants/" + clinic + "/users/" + member.id(), clinicAdmin).status())
                .isEqualTo(204);

        assertThat(api.get(Api.unmappedV1Path(), tokens.access()).status()).isEqualTo(401);
        assertThat(api.post("/refresh", tokens.refresh(), "").status()).isEqualTo(401);
    }
}
