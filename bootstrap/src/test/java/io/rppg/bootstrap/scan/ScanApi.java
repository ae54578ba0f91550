package io.rppg.bootstrap.scan;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Speaks to a running platform over real HTTP as its clients do: JSON calls, multipart uploads framed by hand, and
 * the setup the scan tests need (plans, tenants, a tenant admin, an API key) through the admin API.
 */
final class ScanApi {

    static final String ADMIN_EMAIL = "admin@rppg.test";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String PASSWORD = "a password long enough";
    static final JsonMapper JSON = JsonMapper.shared();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private String adminToken;

    ScanApi(int port) {
        this.port = port;
    }

    /** An HTTP answer with its body parsed as JSON (a missing node when the body is empty or not JSON). */
    record Response(int status, HttpHeaders headers, String body, JsonNode json) {

        String text(String field) {
            var node = json.path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A tenant ready for scans: its admin's access token and username, and an API key. */
    record Tenant(String id, String planId, String adminUsername, String adminToken, String apiKey) {
    }

    /** One part of a multipart body. */
    record Part(String name, String fileName, String contentType, byte[] content) {

        static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }

        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    // --- requests

    Response get(String path, String bearer) {
        return send(request(path, bearer).GET());
    }

    Response post(String path, String bearer, Object body) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                        : JSON.writeValueAsString(body))));
    }

    Response postEmpty(String path, String bearer) {
        return send(request(path, bearer).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response multipart(String path, String bearer, Part... parts) {
        var boundary = "----rppgTestBoundary" + UUID.randomUUID().toString().replace("-", "");
        var body = new ByteArrayOutputStream();
        for (var part : parts) {
            body.writeBytes(partHeader(boundary, part.name(), part.fileName(), part.contentType()));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(closing(boundary));
        return send(request(path, bearer).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static byte[] partHeader(String boundary, String name, String fileName, String contentType) {
        var header = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            header.append("; filename=\"").append(fileName).append('"');
        }
        header.append("\r\n");
        if (contentType != null) {
            header.append("Content-Type: ").append(contentType).append("\r\n");
        }
        return header.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] closing(String boundary) {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    HttpRequest.Builder request(String path, String bearer) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json, application/problem+json");
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    static Response send(HttpRequest.Builder request) {
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

    static Map<String, Object> body(Object... namesAndValues) {
        var body = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    // --- setup through the admin API

    synchronized String adminToken() {
        if (adminToken == null) {
            var response = expect(post("/v2/auth/login", null, body("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)), 200);
            adminToken = response.text("access_token");
        }
        return adminToken;
    }

    String createPlan(int monthlyScans, int maxOpenSessions, int maxUploadMb) {
        var response = post("/api/v1/admin/plans", adminToken(), body("name", "plan-" + random(),
                "monthly_scans", monthlyScans, "requests_per_minute", 10_000, "max_open_sessions", maxOpenSessions,
                "max_upload_mb", maxUploadMb, "retain_video", false));
        return expect(response, 201).text("id");
    }

    /** A tenant on a new plan, with a tenant admin (logged in through Nervoscan's /clientlogin) and an API key. */
    Tenant createTenant(int monthlyScans, int maxOpenSessions, int maxUploadMb) {
        var plan = createPlan(monthlyScans, maxOpenSessions, maxUploadMb);
        var tenant = expect(post("/api/v1/admin/tenants", adminToken(),
                body("name", "tenant-" + random(), "plan_id", plan)), 201).text("id");
        var username = createUser(tenant, "tenant_admin");
        var token = logIn(username);
        var key = expect(post("/api/v1/admin/tenants/" + tenant + "/api-keys", token,
                body("name", "key " + random())), 201).text("key");
        return new Tenant(tenant, plan, username, token, key);
    }

    Tenant createTenant() {
        return createTenant(1000, 100, 100);
    }

    String createUser(String tenantId, String role) {
        var username = "user-" + random();
        expect(post("/api/v1/admin/tenants/" + tenantId + "/users", adminToken(), body("username", username,
                "email", username + "@clinic.test", "password", PASSWORD, "role", role)), 201);
        return username;
    }

    String logIn(String username) {
        return expect(post("/clientlogin", null, body("username", username, "password", PASSWORD)), 200)
                .text("access_token");
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

    static List<String> texts(JsonNode array, String field) {
        var values = new java.util.ArrayList<String>();
        array.forEach(node -> values.add(node.path(field).asString()));
        return values;
    }
}
