package io.rppg.bootstrap.graphql;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.bootstrap.JsonClient;
import io.rppg.domain.live.TraceSample;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * A GraphQL client over real HTTP, and the setup its tests need through the other surfaces: tenants (admin API),
 * devices (v2 REST), uploads with metadata (Nervoscan) and a trace stream fed over the live WebSocket.
 */
final class GraphQlApi extends JsonClient {

    private static byte[] shortRecording;
    private final int port;

    GraphQlApi(int port) {
        super(port, Duration.ofSeconds(60));
        this.port = port;
    }

    record Tenant(String id, String adminToken, String memberToken, String apiKey) {
    }

    Response query(String bearer, String query, Map<String, Object> variables) {
        var body = new LinkedHashMap<String, Object>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return expect(post("/graphql", bearer, body), 200);
    }

    Response query(String bearer, String query) {
        return query(bearer, query, null);
    }

    /** The data of an answer without errors. */
    JsonNode data(String bearer, String query, Map<String, Object> variables) {
        var response = query(bearer, query, variables);
        if (response.json().has("errors")) {
            throw new AssertionError("errors in " + response);
        }
        return response.json().path("data");
    }

    Tenant createTenant(int monthlyScans, int requestsPerMinute) {
        var plan = expect(post("/api/v1/admin/plans", adminToken(), body("name", "plan-" + random(),
                "monthly_scans", monthlyScans, "requests_per_minute", requestsPerMinute, "max_open_sessions", 100,
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
        return createTenant(1000, 10_000);
    }

    String registerDevice(Tenant tenant, String name) {
        return expect(post("/v2/devices", tenant.adminToken(), body("name", name, "type", "kiosk")), 201)
                .text("device_id");
    }

    /** A Nervoscan job with a video and {@code metaData} submitted: it waits for analysis (processing). */
    String submittedNervoscanJob(String bearer, String metaData) {
        var url = expect(post("/clientgeturl", bearer, body("host_name", "www.nervoscan.com")), 200).text("url");
        var job = url.substring(url.indexOf("?api_key=") + "?api_key=".length());
        var boundary = "----graphqlTestBoundary" + UUID.randomUUID().toString().replace("-", "");
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"recording.webm\"\r\nContent-Type: video/webm\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(shortRecording());
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n"
                + "{\"uuid\":\"" + job + "\",\"meta_data\":" + metaData + "}\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        expect(send(request("/submitscan", bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))), 200);
        return job;
    }

    /** Sends trace samples over the live WebSocket at the pace they were taken, a quarter second at a time. */
    void feedInRealTime(String apiKey, String sessionId, List<TraceSample> samples) throws InterruptedException {
        var socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create("ws://localhost:" + port + "/ws?token=" + apiKey), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        try {
            long start = System.nanoTime();
            int next = 0;
            while (next < samples.size()) {
                Thread.sleep(250);
                double elapsedMs = (System.nanoTime() - start) / 1e6;
                int to = next;
                while (to < samples.size() && samples.get(to).millis() <= elapsedMs) {
                    to++;
                }
                if (to > next) {
                    var rows = new ArrayList<>(samples.subList(next, to)).stream()
                            .map(s -> "[" + s.millis() + "," + s.red() + "," + s.green() + "," + s.blue() + "]")
                            .collect(Collectors.joining(","));
                    socket.sendText("{\"type\":\"trace\",\"session_id\":\"" + sessionId + "\",\"samples\":["
                            + rows + "]}", true).join();
                    next = to;
                }
            }
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
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

    /** Two seconds of a generated face as WebM (VP8), rendered once. */
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
}
