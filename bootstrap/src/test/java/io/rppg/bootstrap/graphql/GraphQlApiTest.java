package io.rppg.bootstrap.graphql;

import io.rppg.adapter.signal.fixture.SkinColourTrace;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The GraphQL API over real HTTP and a real WebSocket, on data made through the platform's other surfaces: a live
 * scan streamed from a registered device, and a Nervoscan upload with metadata.
 */
class GraphQlApiTest extends PlatformTest {

    private GraphQlApi api;

    @BeforeEach
    void client() {
        api = new GraphQlApi(port);
    }

    @Test
    void aLiveScanIsStartedWatchedAndStoppedOverGraphQlAndEveryExampleQueryOfTheDocumentReadsIt() throws Exception {
        var tenant = api.createTenant();
        var deviceId = api.registerDevice(tenant, "Ward 3 kiosk");

        var started = api.data(tenant.apiKey(), """
                mutation($device: ID) { startStream(deviceId: $device) { id startedAt websocketPath
                  session { id status } device { id status } config { windowSeconds method } } }""",
                Map.of("device", deviceId)).path("startStream");
        var sessionId = started.at("/session/id").asString();
        assertThat(started.at("/session/status").asString()).isEqualTo("PROCESSING");
        assertThat(started.at("/device/status").asString()).isEqualTo("STREAMING");
        assertThat(started.path("websocketPath").asString()).isEqualTo("/ws");

        try (var dashboard = GraphQlSocket.connect(port)) {
            dashboard.initialise(tenant.memberToken());
            dashboard.subscribe("windows", "subscription($id: ID!) { liveWindows(sessionId: $id) { sessionId t "
                    + "heartRate confidence snr windowSeconds waveform } }", Map.of("id", sessionId));
            dashboard.subscribe("status", "subscription($id: ID!) { sessionStatus(id: $id) { sessionId status "
                    + "condition session { vitals { heartRate } } } }", Map.of("id", sessionId));

            api.feedInRealTime(tenant.apiKey(), sessionId, SkinColourTrace.of(68, 13.2, 30, 11));
            var windows = dashboard.awaitCount("next", "windows", 3, Duration.ofSeconds(3));

            var stopped = api.data(tenant.adminToken(), """
                    mutation($stream: ID) { stopStream(streamId: $stream) { id status
                      vitals { heartRate confidence signalQuality { snr } unavailable { field reason } } } }""",
                    Map.of("stream", started.path("id").asString())).path("stopStream");
            assertThat(stopped.path("status").asString()).isEqualTo("COMPLETED");
            double heartRate = stopped.at("/vitals/heartRate").asDouble();
            assertThat(heartRate).isCloseTo(68, within(1.0));
            assertThat(texts(stopped.at("/vitals/unavailable"), "field")).contains("blood_pressure", "spo2");

            for (JsonNode window : windows) {
                var live = window.at("/payload/data/liveWindows");
                assertThat(live.path("sessionId").asString()).isEqualTo(sessionId);
                assertThat(live.path("heartRate").asDouble()).as(live.toString()).isCloseTo(68, within(3.0));
                assertThat(live.path("windowSeconds").asDouble()).isCloseTo(10, within(0.2));
                assertThat(live.path("waveform").isArray()).isTrue();
            }
            assertThat(windows.getFirst().at("/payload/data/liveWindows/t").asDouble()).isEqualTo(10);
            dashboard.await("complete", "windows", Duration.ofSeconds(3));
            dashboard.await("complete", "status", Duration.ofSeconds(3));
            var statuses = dashboard.received("next", "status").stream()
                    .map(node -> node.at("/payload/data/sessionStatus")).toList();
            assertThat(statuses.getFirst().path("status").asString()).isEqualTo("PROCESSING");
            assertThat(statuses.getLast().path("status").asString()).isEqualTo("COMPLETED");
            assertThat(statuses.getLast().at("/session/vitals/heartRate").asDouble()).isEqualTo(heartRate);
        }

        // The document's first example: devices with their recent sessions.
        var devices = api.data(tenant.apiKey(), DocumentQueries.DEVICES_WITH_SESSIONS, null).path("devices");
        assertThat(devices).hasSize(1);
        var device = devices.get(0);
        assertThat(device.path("id").asString()).isEqualTo(deviceId);
        assertThat(device.path("name").asString()).isEqualTo("Ward 3 kiosk");
        assertThat(device.path("status").asString()).isEqualTo("IDLE");
        var recent = device.path("sessions");
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).path("id").asString()).isEqualTo(sessionId);
        assertThat(recent.get(0).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(recent.get(0).path("startTime").asString())).isBefore(Instant.now());
        var recording = recent.get(0).at("/recordings/0");
        assertThat(recording.path("duration").asDouble()).isBetween(10.0, 13.5);
        assertThat(recording.path("sampleCount").asInt()).isBetween(300, 400);
        assertThat(recording.path("quality").asDouble()).isBetween(0.0, 1.0);

        // The second: one session with its device, recordings and analysis.
        var session = api.data(tenant.apiKey(), DocumentQueries.SESSION_DATA, Map.of("sessionId", sessionId))
                .path("session");
        var pulse = api.data(tenant.apiKey(), "query($id: ID!) { session(id: $id) { vitals { heartRate "
                + "waveform { sampleRateHz values beatsS } spectrum { peakBpm } } } }", Map.of("id", sessionId))
                .at("/session/vitals");
        var rest = expect(api.get("/api/v1/scan-session/" + sessionId + "/vitals?include=waveform,spectrum",
                tenant.apiKey()), 200).json().path("vitals");
        // The pulse as REST reports it with include=waveform,spectrum: both there, or both null.
        assertThat(pulse.path("waveform").isNull()).isEqualTo(!rest.path("waveform").isObject());
        assertThat(pulse.at("/waveform/sampleRateHz").asDouble())
                .isEqualTo(rest.at("/waveform/sample_rate_hz").asDouble());
        assertThat(pulse.at("/waveform/values").size()).isEqualTo(rest.at("/waveform/values").size());
        assertThat(pulse.at("/spectrum/peakBpm").asDouble()).isEqualTo(rest.at("/spectrum/peak_bpm").asDouble());
        assertThat(session.path("id").asString()).isEqualTo(sessionId);
        assertThat(session.path("endTime").isNull()).isFalse();
        assertThat(session.at("/device/id").asString()).isEqualTo(deviceId);
        assertThat(session.at("/device/type").asString()).isEqualTo("kiosk");
        assertThat(session.at("/recordings/0/channelCount").asInt()).isEqualTo(3);
        assertThat(session.at("/recordings/0/sampleRate").asDouble()).isCloseTo(30, within(1.5));
        // Recorded for a completed scan: a list (empty when the upload had no disturbed stretch), never null.
        assertThat(session.at("/recordings/0/artifacts").isArray()).as("recorded for a completed scan").isTrue();
        assertThat(texts(session.at("/recordings/0/artifacts"), "type"))
                .allMatch(type -> List.of("FACE_LOST", "REGION_LEFT_OUT", "EXPOSURE_STEP").contains(type));
        var analysis = session.path("analysis");
        assertThat(analysis.path("modelType").asString()).isNotBlank();
        assertThat(analysis.path("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(analysis.path("predictions").size()).isGreaterThanOrEqualTo(2);
        assertThat(analysis.at("/predictions/0/label").asString()).isEqualTo("heart_rate");
        assertThat(analysis.at("/predictions/0/timestamp").asDouble()).isEqualTo(5.0);

        // The third: a search by tags, device, status and metadata.
        api.data(tenant.adminToken(), "mutation($id: ID!) { tagSession(id: $id, add: [\"baseline\", \"ward-3\"]) "
                + "{ tags } }", Map.of("id", sessionId));
        var upload = api.submittedNervoscanJob(tenant.apiKey(), "{\"patient\":\"p-7\",\"visit\":2}");
        api.data(tenant.adminToken(), "mutation($id: ID!) { tagSession(id: $id, add: [\"baseline\"]) { id } }",
                Map.of("id", upload));

        assertThat(searchIds(tenant, Map.of("tags", List.of("baseline")))).containsExactly(upload, sessionId);
        assertThat(searchIds(tenant, Map.of("tags", List.of("baseline", "ward-3")))).containsExactly(sessionId);
        assertThat(searchIds(tenant, Map.of("deviceId", deviceId))).containsExactly(sessionId);
        assertThat(searchIds(tenant, Map.of("status", "PROCESSING"))).containsExactly(upload);
        assertThat(searchIds(tenant, Map.of("metadata", Map.of("patient", "p-7")))).containsExactly(upload);
        assertThat(searchIds(tenant, Map.of("metadata", Map.of("patient", "p-8")))).isEmpty();
        assertThat(searchIds(tenant, Map.of("from", Instant.now().toString()))).isEmpty();
        var all = api.data(tenant.apiKey(), DocumentQueries.SEARCH_SESSIONS, Map.of("filters", Map.of()))
                .path("sessions");
        assertThat(all.at("/edges/0/node/metadata/patient").asString()).isEqualTo("p-7");
        assertThat(texts(all.at("/edges/1/node/tags"), null)).containsExactly("baseline", "ward-3");
        assertThat(all.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(all.at("/pageInfo/hasPreviousPage").asBoolean()).isFalse();

        var firstPage = api.data(tenant.apiKey(), "{ sessions(first: 1) { edges { node { id } } "
                + "pageInfo { hasNextPage endCursor } } }", null).path("sessions");
        assertThat(firstPage.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        var secondPage = api.data(tenant.apiKey(), "query($after: String) { sessions(first: 1, after: $after) "
                        + "{ edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }",
                Map.of("after", firstPage.at("/pageInfo/endCursor").asString())).path("sessions");
        assertThat(secondPage.at("/edges/0/node/id").asString()).isEqualTo(sessionId);
        assertThat(secondPage.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(secondPage.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();

        // A session still being analysed is not deleted; a finished one is, with its tags, and is gone everywhere.
        var busy = api.query(tenant.apiKey(), "mutation($id: ID!) { deleteSession(id: $id) { id } }",
                Map.of("id", upload));
        assertThat(code(busy.json())).isEqualTo("SESSION_PROCESSING");
        var deleted = api.data(tenant.apiKey(), "mutation($id: ID!) { deleteSession(id: $id) { id videoDeleted } }",
                Map.of("id", sessionId)).path("deleteSession");
        assertThat(deleted.path("id").asString()).isEqualTo(sessionId);
        expect(api.get("/api/v1/scan-session/" + sessionId + "/vitals", tenant.apiKey()), 404);
        assertThat(searchIds(tenant, Map.of("tags", List.of("ward-3")))).isEmpty();
        var again = api.query(tenant.apiKey(), "mutation($id: ID!) { deleteSession(id: $id) { id } }",
                Map.of("id", sessionId));
        assertThat(code(again.json())).isEqualTo("SESSION_NOT_FOUND");
    }

    @Test
    void anotherTenantsIdsResolveToNullWithTheirNotFoundCodes() {
        var owner = api.createTenant();
        var stranger = api.createTenant();
        var session = api.data(owner.apiKey(), "mutation { createSession { id status } }", null)
                .path("createSession");
        assertThat(session.path("status").asString()).isEqualTo("PENDING");
        var device = api.registerDevice(owner, "Front desk");

        var read = api.query(stranger.apiKey(), DocumentQueries.SESSION_DATA,
                Map.of("sessionId", session.path("id").asString())).json();
        assertThat(read.at("/data/session").isNull()).isTrue();
        assertThat(code(read)).isEqualTo("SESSION_NOT_FOUND");
        assertThat(read.at("/errors/0/path/0").asString()).isEqualTo("session");

        var deviceRead = api.query(stranger.apiKey(), "query($id: ID!) { device(id: $id) { id } }",
                Map.of("id", device)).json();
        assertThat(deviceRead.at("/data/device").isNull()).isTrue();
        assertThat(code(deviceRead)).isEqualTo("DEVICE_NOT_FOUND");
        assertThat(api.data(stranger.apiKey(), DocumentQueries.DEVICES_WITH_SESSIONS, null).path("devices"))
                .isEmpty();
        assertThat(api.data(stranger.apiKey(), DocumentQueries.SEARCH_SESSIONS, Map.of()).at("/sessions/edges"))
                .isEmpty();
        var tag = api.query(stranger.apiKey(), "mutation($id: ID!) { tagSession(id: $id, add: [\"x\"]) { id } }",
                Map.of("id", session.path("id").asString())).json();
        assertThat(code(tag)).isEqualTo("SESSION_NOT_FOUND");
        var delete = api.query(stranger.apiKey(), "mutation($id: ID!) { deleteSession(id: $id) { id } }",
                Map.of("id", session.path("id").asString())).json();
        assertThat(code(delete)).isEqualTo("SESSION_NOT_FOUND");
        var stop = api.query(stranger.apiKey(), "mutation($d: ID) { stopStream(deviceId: $d) { id } }",
                Map.of("d", device)).json();
        assertThat(code(stop)).isEqualTo("DEVICE_NOT_FOUND");
        // The owner still has it.
        assertThat(api.data(owner.apiKey(), "query($id: ID!) { session(id: $id) { id tags } }",
                Map.of("id", session.path("id").asString())).at("/session/tags")).isEmpty();
    }

    @Test
    void refusalsCarryTheirV2CodeInExtensions() throws Exception {
        var tenant = api.createTenant(1, 10_000);
        var device = api.registerDevice(tenant, "Only one");

        var unauthenticated = api.post("/graphql", null, body("query", "{ devices { id } }"));
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.json().at("/error/code").asString()).isEqualTo("INVALID_TOKEN");

        var syntax = api.query(tenant.apiKey(), "{ devices { id ");
        assertThat(code(syntax.json())).isEqualTo("VALIDATION_ERROR");
        var unknownField = api.query(tenant.apiKey(), "{ devices { serialNumber } }");
        assertThat(code(unknownField.json())).isEqualTo("VALIDATION_ERROR");
        var badTime = api.query(tenant.apiKey(), "{ sessions(filters: {from: \"yesterday\"}) { edges { cursor } } }");
        assertThat(code(badTime.json())).isEqualTo("VALIDATION_ERROR");
        var badPage = api.query(tenant.apiKey(), "{ sessions(first: 500) { edges { cursor } } }");
        assertThat(code(badPage.json())).isEqualTo("VALIDATION_ERROR");
        var costly = api.query(tenant.apiKey(), "{ devices { sessions(last: 50) { device { sessions(last: 50) "
                + "{ id } } } } }").json();
        assertThat(code(costly)).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(costly.at("/errors/0/extensions/details/complexity").asInt()).isGreaterThan(1000);
        var badCursor = api.query(tenant.apiKey(), "{ sessions(after: \"nonsense\") { edges { cursor } } }");
        assertThat(code(badCursor.json())).isEqualTo("VALIDATION_ERROR");
        // devices, then sessions and device in turn: 15 levels, each of one item, so cheap but too deep.
        var deep = api.query(tenant.apiKey(), "{ devices { " + "sessions(last: 1) { device { ".repeat(7) + "id"
                + " } }".repeat(7) + " } }");
        assertThat(code(deep.json())).as(deep.toString()).isEqualTo("QUERY_TOO_DEEP");

        var first = api.data(tenant.apiKey(), "mutation($d: ID) { startStream(deviceId: $d) { id } }",
                Map.of("d", device));
        assertThat(first.at("/startStream/id").asString()).startsWith("str_");
        var busy = api.query(tenant.apiKey(), "mutation($d: ID) { startStream(deviceId: $d) { id } }",
                Map.of("d", device)).json();
        assertThat(code(busy)).isEqualTo("DEVICE_BUSY");
        assertThat(busy.at("/errors/0/extensions/details/stream_id").asString())
                .isEqualTo(first.at("/startStream/id").asString());
        var noScans = api.query(tenant.apiKey(), "mutation { createSession { id } }").json();
        assertThat(code(noScans)).isEqualTo("NO_SCANS_AVAILABLE");
        var unknownStream = api.query(tenant.apiKey(), "mutation { stopStream(streamId: \"str_00000000\") { id } }")
                .json();
        assertThat(code(unknownStream)).isEqualTo("STREAM_UNAVAILABLE");
        var badTag = api.query(tenant.apiKey(), "mutation { tagSession(id: \"sess_20260101000000_abcdefgh\", "
                + "add: [\"<script>\"]) { id } }").json();
        assertThat(code(badTag)).isEqualTo("VALIDATION_ERROR");

        var admin = api.query(api.adminToken(), "{ devices { id } }").json();
        assertThat(code(admin)).isEqualTo("INSUFFICIENT_PERMISSIONS");

        try (var socket = GraphQlSocket.connect(port)) {
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer wrong")));
            assertThat(socket.closeCode()).isEqualTo(4401);
        }
        try (var socket = GraphQlSocket.connect(port)) {
            socket.initialise(tenant.apiKey());
            socket.subscribe("s", "subscription { liveWindows(sessionId: \"sess_20260101000000_abcdefgh\") { t } }",
                    Map.of());
            var error = socket.await("error", "s", Duration.ofSeconds(5));
            assertThat(error.at("/payload/0/extensions/code").asString()).isEqualTo("SESSION_NOT_FOUND");
        }
    }

    @Test
    void theSchemaIsServedAndMatchesTheRepositoryFile() throws Exception {
        var tenant = api.createTenant();
        var schema = api.get("/graphql/schema", tenant.apiKey());
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body()).contains("type Session {", "input SessionFilters {", "liveWindows");
        var introspection = api.data(tenant.apiKey(), "{ __schema { queryType { name } } }", null);
        assertThat(introspection.at("/__schema/queryType/name").asString()).isEqualTo("Query");
    }

    private List<String> searchIds(GraphQlApi.Tenant tenant, Map<String, Object> filters) {
        var edges = api.data(tenant.apiKey(), DocumentQueries.SEARCH_SESSIONS, Map.of("filters", filters))
                .at("/sessions/edges");
        return texts(edges, "node").stream().toList();
    }

    /** The texts of an array's items, or of one field of each item ({@code node} reads {@code node.id}). */
    private static List<String> texts(JsonNode array, String field) {
        var texts = new java.util.ArrayList<String>();
        for (JsonNode item : array) {
            texts.add(field == null ? item.asString()
                    : field.equals("node") ? item.at("/node/id").asString() : item.path(field).asString());
        }
        return texts;
    }

    private static String code(JsonNode answer) {
        return answer.at("/errors/0/extensions/code").asString();
    }
}
