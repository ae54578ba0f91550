package io.rppg.bootstrap.live;

import io.rppg.bootstrap.JsonClient;

import java.time.Duration;

/** Tenants for the live tests: a plan, a tenant admin's access token, a member's token and an API key. */
final class LiveApi extends JsonClient {

    LiveApi(int port) {
        super(port, Duration.ofSeconds(30));
    }

    record Tenant(String id, String adminToken, String memberToken, String apiKey) {
    }

    Tenant createTenant(int monthlyScans) {
        var plan = expect(post("/api/v1/admin/plans", adminToken(), body("name", "plan-" + random(),
                "monthly_scans", monthlyScans, "requests_per_minute", 10_000, "max_open_sessions", 100,
                "max_upload_mb", 100, "retain_video", false)), 201).text("id");
        var tenant = expect(post("/api/v1/admin/tenants", adminToken(),
                body("name", "tenant-" + random(), "plan_id", plan)), 201).text("id");
        var admin = logIn(createUser(tenant, "tenant_admin"));
        var member = logIn(createUser(tenant, "member"));
        var key = expect(post("/api/v1/admin/tenants/" + tenant + "/api-keys", admin,
                body("name", "key " + random())), 201).text("key");
        return new Tenant(tenant, admin, member, key);
    }

    Tenant createTenant() {
        return createTenant(1000);
    }

    private String createUser(String tenantId, String role) {
        var username = "user-" + random();
        expect(post("/api/v1/admin/tenants/" + tenantId + "/users", adminToken(), body("username", username,
                "email", username + "@clinic.test", "password", PASSWORD, "role", role)), 201);
        return username;
    }

    private String logIn(String username) {
        return expect(post("/clientlogin", null, body("username", username, "password", PASSWORD)), 200)
                .text("access_token");
    }
}
