package io.rppg.bootstrap.edge;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Speaks to a running platform over HTTP as the platform admin would, to set up plans, tenants, keys and users for
 * a test. The admin is the one seeded from {@code rppg.admin.*} of the test properties.
 */
final class EdgeClient {

    static final String ADMIN_EMAIL = "admin@rppg.test";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private String adminToken;

    EdgeClient(int port) {
        this.port = port;
    }

    /** A tenant on a new plan allowing {@code requestsPerMinute}, and one API key of it. */
    record Tenant(String id, String apiKey) {
    }

    Tenant tenantWithKey(int requestsPerMinute) {
        var plan = json(admin("POST", "/api/v1/admin/plans", Map.of(
                "name", "plan-" + UUID.randomUUID(), "monthly_scans", 1000,
                "requests_per_minute", requestsPerMinute, "max_open_sessions", 10, "max_upload_mb", 100,
                "retain_video", false), 201));
        var tenant = json(admin("POST", "/api/v1/admin/tenants", Map.of(
                "name", "clinic-" + UUID.randomUUID(), "plan_id", plan.get("id").asString()), 201));
        var key = json(admin("POST", "/api/v1/admin/tenants/" + tenant.get("id").asString() + "/api-keys",
                Map.of("name", "test key"), 201));
        return new Tenant(tenant.get("id").asString(), key.get("key").asString());
    }

    /** Creates a user of the tenant and returns a v2 access token of it. */
    String userToken(String tenantId, String role) {
        var name = "user" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var email = name + "@clinic.test";
        var password = "a-long-password-" + UUID.randomUUID();
        admin("POST", "/api/v1/admin/tenants/" + tenantId + "/users",
                Map.of("username", name, "email", email, "password", password, "role", role), 201);
        return login(email, password);
    }

    String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** Logs in on v2, waiting out a per-address limit should a test have spent it. */
    String login(String email, String password) {
        for (int attempt = 0; attempt < 5; attempt++) {
            var response = send(request("POST", "/v2/auth/login", Map.of("email", email, "password", password), null));
            if (response.statusCode() == 200) {
                return json(response).get("access_token").asString();
            }
            if (response.statusCode() != 429) {
                throw new AssertionError("login of " + email + " failed: " + response.statusCode() + " " + response.body());
            }
            sleepSeconds(Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
        throw new AssertionError("login of " + email + " stayed rate limited");
    }

    HttpResponse<String> admin(String method, String path, Object body, int expectedStatus) {
        var response = send(request(method, path, body, adminToken()));
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    HttpRequest request(String method, String path, Object body, String bearer) {
        var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                            : JSON.writeValueAsString(body)));
        }
        return builder.build();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(seconds).plusMillis(100).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
