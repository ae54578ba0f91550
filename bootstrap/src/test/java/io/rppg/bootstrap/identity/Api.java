package io.rppg.bootstrap.identity;

import io.rppg.bootstrap.JsonClient;

import java.time.Duration;

/**
 * Sets up what the identity tests need: plans, tenants, users and API keys with random names, created through the
 * admin API by the platform admin seeded on first start.
 */
final class Api extends JsonClient {

    Api(int port) {
        super(port, Duration.ofSeconds(30));
    }

    record Account(String id, String tenantId, String username, String email, String password) {
    }

    record Key(String id, String secret) {
    }

    record Tokens(String access, String refresh) {
    }

    // --- logging in

    Response nervoscanLogin(String username, String password) {
        return post("/clientlogin", null, body("username", username, "password", password));
    }

    Response v2Login(String email, String password) {
        return post("/v2/auth/login", null, body("email", email, "password", password));
    }

    /** Logs in on the v2 surface and returns both tokens; fails the test when the login does not succeed. */
    Tokens logIn(String login, String password) {
        var response = v2Login(login, password);
        expect(response, 200);
        return new Tokens(response.text("access_token"), response.text("refresh_token"));
    }

    // --- setting up tenants, users and keys

    String createPlan() {
        var response = post("/api/v1/admin/plans", adminToken(),
                body("name", "plan-" + random(), "monthly_scans", 1000));
        return expect(response, 201).text("id");
    }

    String createTenant() {
        var response = post("/api/v1/admin/tenants", adminToken(),
                body("name", "tenant-" + random(), "plan_id", createPlan()));
        return expect(response, 201).text("id");
    }

    Account createUser(String bearer, String tenantId, String role) {
        var username = "user-" + random();
        var email = username + "@clinic.test";
        var response = post("/api/v1/admin/tenants/" + tenantId + "/users", bearer,
                body("username", username, "email", email, "password", PASSWORD, "role", role));
        return new Account(expect(response, 201).text("id"), tenantId, username, email, PASSWORD);
    }

    Account createUser(String tenantId, String role) {
        return createUser(adminToken(), tenantId, role);
    }

    Key createKey(String bearer, String tenantId) {
        var response = post("/api/v1/admin/tenants/" + tenantId + "/api-keys", bearer, body("name", "key " + random()));
        expect(response, 201);
        return new Key(response.text("id"), response.text("key"));
    }

    /** A path on no surface's map: an authenticated caller gets 404 there, anyone else 401. */
    static String unmappedV1Path() {
        return "/api/v1/no-such-resource-" + random();
    }
}
