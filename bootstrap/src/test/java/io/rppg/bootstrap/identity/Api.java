package io.rppg.bootstrap.identity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Speaks JSON to a running platform over real HTTP, and sets up what the identity tests need: plans, tenants, users
 * and API keys with random names, created through the admin API by the platform admin seeded on first start.
 */
final class Api {

    /** The platform admin of the test configuration ({@code rppg.admin.email}, {@code rppg.admin.password}). */
    static final String ADMIN_EMAIL = "admin@rppg.test";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String PASSWORD = "a password long enough";

    static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private String adminToken;

    Api(int port) {
        this.port = port;
    }

    /** An HTTP answer with its body parsed as JSON (a missing node when the body is empty or not JSON). */
    record Response(int status, HttpHeaders headers, String body, JsonNode json) {

        String text(String field) {
            var node = json.path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    record Account(String id, String tenantId, String username, String email, String password) {
    }

    record Key(String id, String secret) {
    }

    record Tokens(String access, String refresh) {
    }

    // --- plain requests

    Response get(String path, String bearer) {
        return send(request(path, bearer).GET());
    }

    Response delete(String path, String bearer) {
        return send(request(path, bearer).DELETE());
    }

    Response post(String path, String bearer, Object body) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Response patch(String path, String bearer, Object body) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    static Map<String, Object> body(Object... namesAndValues) {
        var body = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
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

    String adminToken() {
        if (adminToken == null) {
            adminToken = logIn(ADMIN_EMAIL, ADMIN_PASSWORD).access();
        }
        return adminToken;
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

    static String random() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    static Response expect(Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + response);
        }
        return response;
    }

    // --- plumbing

    private HttpRequest.Builder request(String path, String bearer) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }
}
