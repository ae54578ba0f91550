package io.rppg.bootstrap.browser;

import io.rppg.bootstrap.JsonClient;

import java.time.Duration;

/** Sets up, through the admin API, the tenants and users the browser tests sign in as. */
final class BrowserApi extends JsonClient {

    BrowserApi(int port) {
        super(port, Duration.ofSeconds(60));
    }

    /** A member of a new tenant: signs in with email and password; the tenant also has an API key. */
    record Member(String tenantId, String username, String email, String password, String apiKey) {
    }

    Member createMember(int monthlyScans, int requestsPerMinute) {
        var plan = expect(post("/api/v1/admin/plans", adminToken(), body("name", "plan-" + random(),
                "monthly_scans", monthlyScans, "requests_per_minute", requestsPerMinute, "max_open_sessions", 20,
                "max_upload_mb", 100, "retain_video", false)), 201).text("id");
        var tenant = expect(post("/api/v1/admin/tenants", adminToken(),
                body("name", "tenant-" + random(), "plan_id", plan)), 201).text("id");
        var username = "user-" + random();
        var email = username + "@clinic.test";
        expect(post("/api/v1/admin/tenants/" + tenant + "/users", adminToken(), body("username", username,
                "email", email, "password", PASSWORD, "role", "member")), 201);
        var key = expect(post("/api/v1/admin/tenants/" + tenant + "/api-keys", adminToken(),
                body("name", "key " + random())), 201).text("key");
        return new Member(tenant, username, email, PASSWORD, key);
    }

    Member createMember() {
        return createMember(1000, 10_000);
    }
}
