package io.rppg.bootstrap.edge;

import io.rppg.bootstrap.ErrorShapes;
import io.rppg.bootstrap.JsonClient;
import io.rppg.bootstrap.PlatformTest;
import io.rppg.bootstrap.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static io.rppg.bootstrap.JsonClient.random;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON and multipart route of every surface (v1, Nervoscan, v2 auth, admin), and the query parameters, path
 * ids (read and deleted) and headers they read, are sent what a careless or hostile client sends: null characters,
 * control characters, lone surrogates and 1 MB strings in each field, every field of the wrong type, malformed and
 * deeply nested JSON (10,000 arrays), bodies that are not UTF-8 or not JSON, broken multipart bodies, undecodable
 * query strings, overlong headers. Whatever each answer, it is no 5xx, it carries a request id, and an error is in its
 * surface's shape with a plain message. One platform, one tenant, real credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest extends PlatformTest {

    private static final String MEGABYTE = "x".repeat(1024 * 1024);
    /** Strings that are JSON-escaped into each field in turn. */
    private static final Map<String, String> BAD_TEXT = Map.of(
            "null character", "a\\u0000b",
            "control characters", "a\\u0001\\u001f\\u007f\\u0085\\u009fb\\r\\n\\t",
            "lone surrogate", "a\\ud800b",
            "reversed surrogates", "\\udc00\\ud800",
            "bidi and zero-width", "a\\u202e\\u200b\\ufeffb");
    private static final List<String> WRONG_TYPES = List.of("123", "-1.5e308", "true", "[]", "{}", "[\"a\",[\"b\"]]");
    private static final List<String> BROKEN_BODIES = List.of("", "{", "{\"a\":", "not json", "[]", "\"text\"",
            "null", "123", "{\"a\":1}}", "{'a':1}", "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":1e999999}",
            "{\"a\":" + "9".repeat(2000) + "}", "\uFEFF{}", "[".repeat(10_000) + "]".repeat(10_000),
            "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));

    private JsonClient client;
    private String admin;
    private String tenantAdmin;
    private String apiKey;
    private String refreshToken;
    private String tenant;
    private String spareTenant;
    private String plan;
    private String session;
    private String job;
    private final List<String> failures = new ArrayList<>();
    private int probes;

    /** A JSON route: its method and path, who calls it, and its fields with a plausible value each. */
    record Route(String method, String path, Supplier<String> bearer, Map<String, Object> fields) {
    }

    @BeforeEach
    void freshFailures() {
        failures.clear();
        probes = 0;
    }

    @BeforeAll
    void setUp() {
        client = new JsonClient(port, Duration.ofSeconds(60)) {
        };
        admin = client.adminToken();
        plan = expect(client.post("/api/v1/admin/plans", admin, body("name", "corpus-" + random(),
                "monthly_scans", 100_000, "requests_per_minute", 100_000, "max_open_sessions", 10_000,
                "max_upload_mb", 100)), 201).text("id");
        tenant = expect(client.post("/api/v1/admin/tenants", admin, body("name", "corpus-" + random(),
                "plan_id", plan)), 201).text("id");
        spareTenant = expect(client.post("/api/v1/admin/tenants", admin, body("name", "corpus-spare-" + random(),
                "plan_id", plan)), 201).text("id");
        var username = "corpus-" + random();
        expect(client.post("/api/v1/admin/tenants/" + tenant + "/users", admin, body("username", username,
                "email", username + "@clinic.test", "password", JsonClient.PASSWORD, "role", "tenant_admin")), 201);
        var login = expect(client.post("/clientlogin", null, body("username", username,
                "password", JsonClient.PASSWORD)), 200);
        tenantAdmin = login.text("access_token");
        refreshToken = login.text("refresh_token");
        apiKey = expect(client.post("/api/v1/admin/tenants/" + tenant + "/api-keys", tenantAdmin,
                body("name", "corpus")), 201).text("key");
        session = expect(client.postEmpty("/api/v1/scan-session", apiKey), 201).text("session_id");
        var url = expect(client.post("/clientgeturl", tenantAdmin, body("host_name", "www.nervoscan.com")), 200)
                .text("url");
        job = url.substring(url.indexOf("?api_key=") + "?api_key=".length());
    }

    private List<Route> jsonRoutes() {
        var tenantPath = "/api/v1/admin/tenants/" + tenant;
        var routes = new ArrayList<Route>();
        routes.add(new Route("POST", "/clientlogin", () -> null, fields("username", "nobody-x", "password", "x")));
        routes.add(new Route("POST", "/refresh", () -> "not-a-refresh-token", fields()));
        routes.add(new Route("POST", "/clientgeturl", () -> tenantAdmin, fields("host_name", "www.nervoscan.com")));
        routes.add(new Route("POST", "/check", () -> tenantAdmin, fields("api_key", job)));
        routes.add(new Route("POST", "/getcustomerinfo", () -> tenantAdmin,
                fields("mode", "selection", "api_keys", List.of(job))));
        for (var prefix : List.of("/v2", "/api/v2")) {
            routes.add(new Route("POST", prefix + "/auth/login", () -> null,
                    fields("email", "corpus-" + random() + "@clinic.test", "password", "x")));
            routes.add(new Route("POST", prefix + "/auth/refresh", () -> null, fields("refresh_token", "x")));
        }
        routes.add(new Route("POST", "/api/v1/scan-session", () -> apiKey, fields()));
        routes.add(new Route("POST", "/api/v1/admin/plans", () -> admin, fields("name", "p", "monthly_scans", 1,
                "requests_per_minute", 1, "max_open_sessions", 1, "max_upload_mb", 1, "retain_video", false)));
        routes.add(new Route("POST", "/api/v1/admin/tenants", () -> admin, fields("name", "t", "plan_id", plan)));
        routes.add(new Route("PATCH", "/api/v1/admin/tenants/" + spareTenant, () -> admin,
                fields("plan_id", plan, "status", "x")));
        routes.add(new Route("POST", tenantPath + "/users", () -> tenantAdmin, fields("username", "u",
                "email", "e", "password", "p", "role", "member")));
        routes.add(new Route("POST", tenantPath + "/api-keys", () -> tenantAdmin, fields("name", "k")));
        routes.add(new Route("POST", tenantPath + "/domains", () -> tenantAdmin, fields("host_name", "h")));
        routes.add(new Route("POST", tenantPath + "/webhooks", () -> tenantAdmin,
                fields("url", "u", "events", List.of("scan.completed"))));
        return routes;
    }

    @Test
    void everyJsonRouteAnswersBadFieldsAndBrokenBodiesInItsShape() {
        for (var route : jsonRoutes()) {
            for (var field : route.fields().keySet()) {
                for (var bad : BAD_TEXT.entrySet()) {
                    var value = route.fields().get(field) instanceof List<?> ? "[\"" + bad.getValue() + "\"]"
                            : "\"" + bad.getValue() + "\"";
                    probeJson(route, bad.getKey() + " in " + field, withField(route, field, value));
                }
                for (var wrong : WRONG_TYPES) {
                    probeJson(route, wrong + " as " + field, withField(route, field, wrong));
                }
            }
            var everyFieldLong = new StringBuilder("{");
            route.fields().keySet().forEach(field -> everyFieldLong.append(everyFieldLong.length() > 1 ? "," : "")
                    .append('"').append(field).append("\":\"").append(MEGABYTE).append('"'));
            probeJson(route, "1 MB in every field", everyFieldLong.append('}').toString());
            probeJson(route, "1 MB field name", "{\"" + MEGABYTE + "\":1}");
            for (var broken : BROKEN_BODIES) {
                probeJson(route, "body " + abbreviated(broken), broken);
            }
            var notUtf8 = new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0x80,
                '"', '}'};
            probe(route.path(), "invalid UTF-8", () -> send(route, "application/json", notUtf8));
            probe(route.path(), "UTF-16 body", () -> send(route, "application/json; charset=UTF-16",
                    "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16)));
            probe(route.path(), "unknown charset", () -> send(route, "application/json; charset=no-such-charset",
                    "{}".getBytes(StandardCharsets.US_ASCII)));
            probe(route.path(), "text body", () -> send(route, "text/plain",
                    "a=b".getBytes(StandardCharsets.US_ASCII)));
            probe(route.path(), "form body", () -> send(route, "application/x-www-form-urlencoded",
                    "a=%00&b=%ZZ".getBytes(StandardCharsets.US_ASCII)));
        }
        assertNoFailures();
    }

    @Test
    void everyUploadRouteAnswersBrokenMultipartBodiesInItsShape() {
        var garbage = "not a video at all".getBytes(StandardCharsets.US_ASCII);
        var data = "{\"uuid\":\"" + job + "\",\"meta_data\":{\"a\":1}}";
        var v1 = "/api/v1/scan-session/" + session + "/video";
        for (var target : List.of(v1, "/submitscan")) {
            var bearer = target.equals(v1) ? apiKey : tenantAdmin;
            var cases = new LinkedHashMap<String, byte[]>();
            cases.put("null character in data", multipart(part("file", "a.webm", garbage),
                    part("data", null, "{\"uuid\":\"" + job + "\",\"meta_data\":{\"a\":\"\\u0000\"}}")));
            cases.put("lone surrogate in meta_data", multipart(part("file", "a.webm", garbage),
                    part("data", null, "{\"uuid\":\"" + job + "\",\"meta_data\":{\"\\ud800\":1}}")));
            cases.put("raw null byte in data", multipart(part("file", "a.webm", garbage),
                    part("data", null, "{\"uuid\":\"\u0000\"}")));
            cases.put("control characters in the file name", multipart(part("file", "a\u0001\u007f\u0085.webm",
                    garbage), part("data", null, data)));
            cases.put("null byte in the part name", multipart(part("fi\u0000le", "a.webm", garbage),
                    part("data", null, data)));
            cases.put("1000-character file name", multipart(part("file", "a".repeat(1000) + ".webm", garbage),
                    part("data", null, data)));
            cases.put("two file parts", multipart(part("file", "a.webm", garbage), part("file", "b.webm", garbage),
                    part("data", null, data)));
            cases.put("no file part", multipart(part("data", null, data)));
            cases.put("empty file", multipart(part("file", "a.webm", new byte[0]), part("data", null, data)));
            cases.put("1 MB data", multipart(part("file", "a.webm", garbage), part("data", null,
                    "{\"uuid\":\"" + job + "\",\"meta_data\":{\"a\":\"" + MEGABYTE + "\"}}")));
            cases.put("3 MB data", multipart(part("file", "a.webm", garbage), part("data", null,
                    "x".repeat(3 * 1024 * 1024))));
            cases.put("deeply nested data", multipart(part("file", "a.webm", garbage), part("data", null,
                    "[".repeat(10_000) + "]".repeat(10_000))));
            cases.put("deeply nested meta_data", multipart(part("file", "a.webm", garbage), part("data", null,
                    "{\"uuid\":\"" + job + "\",\"meta_data\":" + "{\"a\":".repeat(5_000) + "1"
                            + "}".repeat(5_000) + "}")));
            cases.put("malformed data", multipart(part("file", "a.webm", garbage), part("data", null, "{\"uuid\":")));
            for (var wrong : WRONG_TYPES) {
                cases.put("data " + wrong, multipart(part("file", "a.webm", garbage), part("data", null, wrong)));
                cases.put("uuid " + wrong, multipart(part("file", "a.webm", garbage),
                        part("data", null, "{\"uuid\":" + wrong + "}")));
                cases.put("meta_data " + wrong, multipart(part("file", "a.webm", garbage),
                        part("data", null, "{\"uuid\":\"" + job + "\",\"meta_data\":" + wrong + "}")));
            }
            cases.put("60 parts", multipart(java.util.stream.IntStream.range(0, 60)
                    .mapToObj(i -> part("p" + i, null, "x")).toArray(byte[][]::new)));
            cases.put("no closing boundary", truncated(multipart(part("file", "a.webm", garbage))));
            cases.put("garbage", "\u0000\u0001\u0002 not multipart at all".getBytes(StandardCharsets.ISO_8859_1));
            for (var entry : cases.entrySet()) {
                probe(target, entry.getKey(), () -> sendMultipart(target, bearer,
                        "multipart/form-data; boundary=" + BOUNDARY, entry.getValue()));
            }
            probe(target, "multipart without a boundary", () -> sendMultipart(target, bearer, "multipart/form-data",
                    cases.get("two file parts")));
            probe(target, "json instead of multipart", () -> sendMultipart(target, bearer, "application/json",
                    "{}".getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(expect(client.get("/api/v1/scan-session/" + session + "/vitals", apiKey), 200).text("status"))
                .isEqualTo("pending");
        assertNoFailures();
    }

    @Test
    void parametersPathIdsAndHeadersAreAnsweredInTheirSurfacesShape() {
        var longText = "a".repeat(5000);
        var targets = new ArrayList<String>();
        for (var query : List.of("limit=abc", "limit=-1", "limit=0", "limit=100000000000", "limit=1&limit=x",
                "status=%00", "status=%01", "status=" + longText, "cursor=%00", "cursor=%C0%80", "cursor=%FF%FE",
                "cursor=" + longText, "cursor=" + "a".repeat(100_000), "cursor=%ZZ", "cursor=MTIz",
                "cursor=%F0%9F%98")) {
            targets.add("/api/v1/scan-sessions?" + query);
        }
        for (var id : List.of("%00", "%01", "%FF", "%C0%80", "..", "%2e%2e", "a%2Fb", "a%5Cb", longText, "%ZZ",
                "sess_" + "9".repeat(14) + "_" + "a".repeat(26), ";a=b", "%25")) {
            targets.add("/api/v1/scan-session/" + id + "/vitals");
            targets.add("/api/v1/admin/tenants/" + id + "/users");
            targets.add("/api/v1/admin/tenants/" + tenant + "/api-keys/" + id);
            targets.add("/v2/sessions/" + id);
        }
        for (var target : targets) {
            var bearer = target.startsWith("/api/v1/admin") ? tenantAdmin : apiKey;
            probe(target, "GET", () -> answerOf(target, RawHttp.get(port, target, "Authorization: Bearer " + bearer)));
        }
        for (var id : List.of("%00", "%01", "%FF", "a".repeat(5000), "%ZZ", "00000000-0000-0000-0000-000000000000")) {
            for (var kind : List.of("api-keys", "users", "webhooks")) {
                var target = "/api/v1/admin/tenants/" + tenant + "/" + kind + "/" + id;
                probe(target, "DELETE", () -> answerOf(target, RawHttp.exchange(port, "DELETE", target,
                        List.of("Authorization: Bearer " + tenantAdmin), new byte[0])));
            }
        }
        for (var target : List.of("/health", "/api/v1/scan-sessions", "/clientlogin", "/check", "/v2/auth/login",
                "/api/v1/admin/plans", "/v2/sessions")) {
            var headers = List.of(
                    List.of("X-Big: " + "a".repeat(9000)),
                    List.of("Authorization: Bearer " + "a".repeat(10_000)),
                    List.of("Authorization: Bearer a\u0085b"),
                    List.of("Authorization: Bearer \u00ff\u00fe"),
                    List.of("Authorization: Basic Zm9vOmJhcg=="),
                    List.of("Authorization: Bearer " + apiKey, "X-Request-Id: a\u0085" + "b".repeat(500)),
                    List.of("Authorization: Bearer " + apiKey, "Accept: application/xml"),
                    List.of("Authorization: Bearer " + apiKey, "Accept: a\u0085b"),
                    List.of("Authorization: Bearer " + apiKey, "Content-Type: application/json; charset=\u0085"));
            for (var lines : headers) {
                probe(target, "headers " + abbreviated(String.join(" | ", lines)), () -> answerOf(target,
                        RawHttp.exchange(port, "POST", target, lines, "{}".getBytes(StandardCharsets.US_ASCII))));
            }
        }
        assertNoFailures();
    }

    // --- probing

    private void probeJson(Route route, String what, String json) {
        probe(route.path(), what, () -> send(route, "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    /** One request whose answer must be no 5xx, with a request id, and an error in its surface's shape. */
    private void probe(String target, String what, Supplier<Answer> request) {
        probes++;
        try {
            var answer = request.get();
            assertThat(answer.status()).as("status").isLessThan(500);
            assertThat(answer.requestId()).as("X-Request-Id").isPresent();
            if (answer.status() >= 400) {
                ErrorShapes.assertError(target, answer.status(), answer.contentType(), answer.requestId(),
                        answer.body(), 0);
            }
        } catch (AssertionError | RuntimeException e) {
            failures.add(abbreviated(target) + " with " + what + ": " + abbreviated(String.valueOf(e.getMessage())));
        }
    }

    private void assertNoFailures() {
        assertThat(failures).as("of %d probes", probes).isEmpty();
    }

    record Answer(int status, Optional<String> contentType, Optional<String> requestId, String body) {
    }

    private static Answer answerOf(String target, RawHttp.Answer raw) {
        return new Answer(raw.status(), raw.header("Content-Type"), raw.header("X-Request-Id"), raw.body());
    }

    private Answer send(Route route, String contentType, byte[] body) {
        var request = client.request(route.path(), route.bearer().get()).header("Content-Type", contentType)
                .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        return answerOf(JsonClient.send(request));
    }

    private Answer sendMultipart(String target, String bearer, String contentType, byte[] body) {
        return answerOf(JsonClient.send(client.request(target, bearer).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    private static Answer answerOf(JsonClient.Response response) {
        return new Answer(response.status(), response.header("Content-Type"), response.header("X-Request-Id"),
                response.body());
    }

    private static String withField(Route route, String field, String jsonValue) {
        var body = new StringBuilder("{");
        route.fields().forEach((name, value) -> body.append(body.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(name.equals(field) ? jsonValue : JsonClient.JSON.writeValueAsString(value)));
        return body.append('}').toString();
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        return body(namesAndValues);
    }

    // --- multipart bodies framed by hand

    private static final String BOUNDARY = "corpusBoundary7d1f";

    private static byte[] part(String name, String fileName, String text) {
        return part(name, fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] part(String name, String fileName, byte[] content) {
        var head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: video/webm") + "\r\n\r\n";
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] multipart(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] truncated(byte[] body) {
        return java.util.Arrays.copyOf(body, body.length - BOUNDARY.length() - 8);
    }

    private static String abbreviated(String text) {
        var flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 80 ? flat.substring(0, 80) + "..." : flat;
    }
}
