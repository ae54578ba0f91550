package io.rppg.bootstrap.identity;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.rppg.bootstrap.identity.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Suspending a tenant shuts out every credential of it on every call; reactivating it lets them back in. */
class TenantSuspensionTest extends PlatformTest {

    private Api api;
    private String tenant;
    private Api.Account admin;
    private Api.Tokens adminTokens;
    private Api.Key key;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = api.createTenant();
        admin = api.createUser(tenant, "tenant_admin");
        adminTokens = api.logIn(admin.username(), admin.password());
        key = api.createKey(adminTokens.access(), tenant);
    }

    private Api.Response setStatus(String status) {
        return Api.expect(api.patch("/api/v1/admin/tenants/" + tenant, api.adminToken(), body("status", status)), 200);
    }

    /** Calls on all three surfaces, with the tenant admin's access token and with the tenant's API key. */
    private List<Api.Response> callsWithEveryCredential() {
        var calls = new ArrayList<Api.Response>();
        for (var credential : List.of(adminTokens.access(), key.secret())) {
            calls.add(api.get("/api/v1/admin/tenants/" + tenant + "/users", credential));
            calls.add(api.get("/api/v1/admin/tenants/" + tenant + "/api-keys", credential));
            calls.add(api.post("/api/v1/admin/tenants/" + tenant + "/api-keys", credential, body("name", "more")));
            calls.add(api.get(Api.unmappedV1Path(), credential));
            calls.add(api.get("/v2/sessions", credential));
            calls.add(api.post("/check", credential, body()));
        }
        return calls;
    }

    @Test
    void everyCallOfASuspendedTenantIsRefusedUntilItIsReactivated() {
        assertThat(setStatus("suspended").text("status")).isEqualTo("suspended");

        for (var response : callsWithEveryCredential()) {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.body()).contains("TENANT_SUSPENDED");
        }

        assertThat(setStatus("active").text("status")).isEqualTo("active");

        // Each call answers as it would for a tenant never suspended: the admin's token administers, the key
        // does not, unmapped paths and an unknown job are not found.
        assertThat(callsWithEveryCredential()).extracting(TenantSuspensionTest::statusAndCode).containsExactly(
                "200", "200", "201", "404 NOT_FOUND", "404 NOT_FOUND", "404 JOB_NOT_REGISTERED",
                "403 FORBIDDEN", "403 FORBIDDEN", "403 FORBIDDEN", "404 NOT_FOUND", "404 NOT_FOUND",
                "404 JOB_NOT_REGISTERED");
    }

    /** The status, and the error code when there is one, in whichever surface's shape it came. */
    private static String statusAndCode(Api.Response response) {
        var json = response.json();
        var code = json == null ? "" : json.path("code").stringValue(json.path("error").path("code").stringValue(""));
        return code.isEmpty() ? String.valueOf(response.status()) : response.status() + " " + code;
    }

    @Test
    void theRefusalTakesTheShapeOfEachSurface() {
        setStatus("suspended");

        var v1 = api.get(Api.unmappedV1Path(), key.secret());
        var v2 = api.get("/v2/sessions", adminTokens.access());
        var nervoscan = api.post("/check", adminTokens.access(), body());

        assertThat(v1.contentType()).startsWith("application/problem+json");
        assertThat(v1.json().path("code").asString()).isEqualTo("TENANT_SUSPENDED");
        assertThat(v1.text("request_id")).isNotBlank();
        assertThat(v2.json().path("error").path("code").asString()).isEqualTo("TENANT_SUSPENDED");
        assertThat(v2.json().path("error").path("request_id").asString()).isNotBlank();
        assertThat(nervoscan.json().path("success").asBoolean(true)).isFalse();
        assertThat(nervoscan.json().path("error").path("code").asString()).isEqualTo("TENANT_SUSPENDED");
    }

    @Test
    void aSuspendedTenantsUsersCannotLogInOrRefresh() {
        var member = api.createUser(tenant, "member");
        var refreshToken = api.logIn(member.username(), member.password()).refresh();
        setStatus("suspended");

        var nervoscan = api.nervoscanLogin(member.username(), member.password());
        var v2 = api.v2Login(member.email(), member.password());
        var refresh = api.post("/refresh", refreshToken, "");
        var v2Refresh = api.post("/v2/auth/refresh", null, body("refresh_token", refreshToken));

        assertThat(nervoscan.status()).isEqualTo(403);
        assertThat(nervoscan.json().path("error").path("code").asString()).isEqualTo("TENANT_SUSPENDED");
        assertThat(nervoscan.json().has("access_token")).isFalse();
        assertThat(v2.status()).isEqualTo(403);
        assertThat(v2.json().path("error").path("code").asString()).isEqualTo("TENANT_SUSPENDED");
        assertThat(refresh.status()).isEqualTo(403);
        assertThat(refresh.json().path("error").path("code").asString()).isEqualTo("TENANT_SUSPENDED");
        assertThat(v2Refresh.status()).isEqualTo(403);

        setStatus("active");

        assertThat(api.nervoscanLogin(member.username(), member.password()).status()).isEqualTo(200);
        assertThat(api.post("/refresh", refreshToken, "").status()).isEqualTo(200);
    }

    @Test
    void suspendingOneTenantLeavesOthersAlone() {
        var other = api.createTenant();
        var otherKey = api.createKey(api.adminToken(), other);
        setStatus("suspended");

        assertThat(api.get(Api.unmappedV1Path(), otherKey.secret()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/tenants", api.adminToken()).status()).isEqualTo(200);
    }
}
