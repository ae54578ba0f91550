package io.rppg.bootstrap;

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
 * Speaks JSON to the platform under test over real HTTP, as its clients do, and logs in the platform admin that the
 * test configuration seeds ({@code rppg.admin.email}, {@code rppg.admin.password}). The test helpers of each area
 * build their setup on it.
 */
public class JsonClient {

    public static final String ADMIN_EMAIL = "admin@rppg.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** The password every user created by a test helper gets. */
    public static final String PASSWORD = "a password long enough";
    public static final JsonMapper JSON = JsonMapper.shared();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final Duration timeout;
    private String adminToken;

    protected JsonClient(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /** An HTTP answer with its body parsed as JSON (a missing node when the body is empty or not JSON). */
    public record Response(int status, HttpHeaders headers, String body, JsonNode json) {

        public String text(String field) {
            var node = json.path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String bearer) {
        return send(request(path, bearer).GET());
    }

    public Response delete(String path, String bearer) {
        return send(request(path, bearer).DELETE());
    }

    public Response post(String path, String bearer, Object body) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response postEmpty(String path, String bearer) {
        return send(request(path, bearer).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response patch(String path, String bearer, Object body) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** The seeded platform admin's access token, logged in once. */
    public synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = expect(post("/v2/auth/login", null, body("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)),
                    200).text("access_token");
        }
        return adminToken;
    }

    public static Map<String, Object> body(Object... namesAndValues) {
        var body = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    public static String random() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    public static Response expect(Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + response);
        }
        return response;
    }

    public HttpRequest.Builder request(String path, String bearer) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    public static Response send(HttpRequest.Builder request) {
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

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }
}
