package io.rppg.bootstrap.scan;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.bootstrap.JsonClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Multipart uploads framed by hand, as clients send them, and
 * the setup the scan tests need (plans, tenants, a tenant admin, an API key) through the admin API.
 */
final class ScanApi extends JsonClient {

    private static byte[] shortRecording;

    ScanApi(int port) {
        super(port, Duration.ofSeconds(120));
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

    // --- setup through the admin API

    String createPlan(int monthlyScans, int maxOpenSessions, int maxUploadMb) {
        return createPlan(monthlyScans, maxOpenSessions, maxUploadMb, 10_000);
    }

    String createPlan(int monthlyScans, int maxOpenSessions, int maxUploadMb, int requestsPerMinute) {
        var response = post("/api/v1/admin/plans", adminToken(), body("name", "plan-" + random(),
                "monthly_scans", monthlyScans, "requests_per_minute", requestsPerMinute,
                "max_open_sessions", maxOpenSessions,
                "max_upload_mb", maxUploadMb, "retain_video", false));
        return expect(response, 201).text("id");
    }

    /** A tenant on a new plan, with a tenant admin (logged in through Nervoscan's /clientlogin) and an API key. */
    Tenant createTenant(int monthlyScans, int maxOpenSessions, int maxUploadMb) {
        return createTenant(monthlyScans, maxOpenSessions, maxUploadMb, 10_000);
    }

    /** As above, on a plan allowing that many requests a minute. */
    Tenant createTenant(int monthlyScans, int maxOpenSessions, int maxUploadMb, int requestsPerMinute) {
        var plan = createPlan(monthlyScans, maxOpenSessions, maxUploadMb, requestsPerMinute);
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

    /** Opens a Nervoscan job as its clients do, and returns its id: the text after {@code ?api_key=} in the url. */
    String openNervoscanJob(String bearer) {
        var url = expect(post("/clientgeturl", bearer, body("host_name", "www.nervoscan.com")), 200).text("url");
        return url.substring(url.indexOf("?api_key=") + "?api_key=".length());
    }

    /** Two seconds of a generated face as WebM (VP8), rendered once: a small video that every upload check accepts. */
    static synchronized byte[] shortRecording() {
        if (shortRecording == null) {
            try {
                var path = Files.createTempFile("short-recording", ".webm");
                FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(2).in(VideoContainer.WEBM_VP8)
                        .withSeed(7), path);
                shortRecording = Files.readAllBytes(path);
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shortRecording;
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

    static List<String> texts(JsonNode array, String field) {
        var values = new java.util.ArrayList<String>();
        array.forEach(node -> values.add(node.path(field).asString()));
        return values;
    }
}
