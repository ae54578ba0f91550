package io.rppg.bootstrap.identity;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static io.rppg.bootstrap.identity.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

/** A tenant admin creates, uses, lists and revokes API keys over HTTP. */
class ApiKeysTest extends PlatformTest {

    private Api api;
    private String tenant;
    private String adminToken;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = api.createTenant();
        var admin = api.createUser(tenant, "tenant_admin");
        adminToken = api.logIn(admin.username(), admin.password()).access();
    }

    private String keysPath() {
        return "/api/v1/admin/tenants/" + tenant + "/api-keys";
    }

    private JsonNode listed(String keyId) {
        var list = Api.expect(api.get(keysPath(), adminToken), 200).json();
        for (var key : list) {
            if (key.path("id").asString().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError("key " + keyId + " is not listed in " + list);
    }

    @Test
    void theCreationAnswerIsTheOnlyPlaceTheSecretAppears() {
        var created = api.post(keysPath(), adminToken, body("name", "mobile app"));

        assertThat(created.status()).isEqualTo(201);
        var secret = created.text("key");
        assertThat(secret).startsWith("rppg_live_").hasSize(50);
        assertThat(created.text("prefix")).isEqualTo(secret.substring(0, 16));
        assertThat(created.text("name")).isEqualTo("mobile app");
        assertThat(created.text("owner")).isEqualTo("key_" + created.text("id").replace("-", ""));

        var list = api.get(keysPath(), adminToken);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(16));
        var listed = listed(created.text("id"));
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.propertyNames())
                .containsExactlyInAnyOrder("id", "name", "prefix", "owner", "created_at", "last_used_at", "revoked_at");
        assertThat(listed.path("prefix").asString()).isEqualTo(secret.substring(0, 16));
    }

    @Test
    void aKeyAuthenticatesUntilRevoked() {
        var key = api.createKey(adminToken, tenant);
        var path = Api.unmappedV1Path();
        assertThat(listed(key.id()).path("last_used_at").isNull()).isTrue();

        // authenticated: the request reaches routing and finds nothing there; unauthenticated it would be 401
        var used = api.get(path, key.secret());
        assertThat(used.status()).isEqualTo(404);
        assertThat(used.json().path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(api.get(path, "rppg_live_" + "x".repeat(40)).status()).isEqualTo(401);

        var lastUsed = listed(key.id()).path("last_used_at");
        assertThat(lastUsed.isNull()).isFalse();
        assertThat(Duration.between(Instant.parse(lastUsed.asString()), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));

        assertThat(api.delete(keysPath() + "/" + key.id(), adminToken).status()).isEqualTo(204);

        var refused = api.get(path, key.secret());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(listed(key.id()).path("revoked_at").isNull()).isFalse();
    }

    @Test
    void revokingTwiceIsHarmless() {
        var key = api.createKey(adminToken, tenant);

        assertThat(api.delete(keysPath() + "/" + key.id(), adminToken).status()).isEqualTo(204);
        var revokedAt = listed(key.id()).path("revoked_at").asString();
        assertThat(api.delete(keysPath() + "/" + key.id(), adminToken).status()).isEqualTo(204);

        assertThat(listed(key.id()).path("revoked_at").asString()).isEqualTo(revokedAt);
    }

    @Test
    void anUnknownOrMalformedKeyIdIsNotFound() {
        assertThat(api.delete(keysPath() + "/" + java.util.UUID.randomUUID(), adminToken).status()).isEqualTo(404);
        assertThat(api.delete(keysPath() + "/not-a-uuid", adminToken).status()).isEqualTo(404);
    }

    @Test
    void aKeyIsNoAdministratorsCredential() {
        var key = api.createKey(adminToken, tenant);

        var listing = api.get(keysPath(), key.secret());
        var creating = api.post(keysPath(), key.secret(), body("name", "escalation"));

        assertThat(listing.status()).isEqualTo(403);
        assertThat(listing.json().path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(creating.status()).isEqualTo(403);
    }

    @Test
    void membersAreDeniedAdministration() {
        var member = api.createUser(tenant, "member");
        var memberToken = api.logIn(member.username(), member.password()).access();

        var responses = java.util.List.of(
                api.get(keysPath(), memberToken),
                api.post(keysPath(), memberToken, body("name", "mine")),
                api.get("/api/v1/admin/tenants/" + tenant + "/users", memberToken),
                api.post("/api/v1/admin/tenants/" + tenant + "/users", memberToken,
                        body("username", "sneaky-" + Api.random(), "email", "s-" + Api.random() + "@x.test",
                                "password", Api.PASSWORD, "role", "tenant_admin")),
                api.get("/api/v1/admin/tenants/" + tenant, memberToken),
                api.get("/api/v1/admin/plans", memberToken));

        for (var response : responses) {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.get(keysPath(), adminToken).json()).isEmpty();
    }

    @Test
    void aTenantAdminIsNoPlatformAdmin() {
        assertThat(api.get("/api/v1/admin/tenants", adminToken).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/plans", adminToken, body("name", "p-" + Api.random(), "monthly_scans", 5))
                .status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/admin/tenants/" + tenant, adminToken, body("status", "suspended")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/tenants/" + tenant, adminToken).status()).isEqualTo(200);
    }

    @Test
    void userAnswersNeverCarryPasswords() {
        var created = api.post("/api/v1/admin/tenants/" + tenant + "/users", adminToken,
                body("username", "u-" + Api.random(), "email", "u-" + Api.random() + "@clinic.test",
                        "password", Api.PASSWORD, "role", "member"));
        var list = api.get("/api/v1/admin/tenants/" + tenant + "/users", adminToken);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().propertyNames())
                .containsExactlyInAnyOrder("id", "tenant_id", "username", "email", "role", "created_at");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        for (var answer : java.util.List.of(created, list)) {
            assertThat(answer.body()).doesNotContain("$2a$", "$2b$", "$2y$", "password", Api.PASSWORD);
        }
    }

    @Test
    void aPasswordTooLongForTheHashIsRefusedAsAPassword() {
        // 40 characters, within the policy's 72, but 80 bytes in UTF-8: more than bcrypt takes
        var password = "\u00e9".repeat(40);
        var username = "u-" + Api.random();

        var response = api.post("/api/v1/admin/tenants/" + tenant + "/users", adminToken,
                body("username", username, "email", username + "@clinic.test", "password", password, "role", "member"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("field").asString()).isEqualTo("password");
        assertThat(response.json().path("detail").asString()).contains("72 bytes");
        var login = api.nervoscanLogin(username, password);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.json().path("error").path("code").asString()).as("no such user was made")
                .isEqualTo("INVALID_USERNAME");
    }
}
