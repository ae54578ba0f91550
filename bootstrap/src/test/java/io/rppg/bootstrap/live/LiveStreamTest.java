package io.rppg.bootstrap.live;

import io.rppg.adapter.signal.fixture.SkinColourTrace;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The live WebSocket with real clients over real HTTP: trace streams, subscribers, and every refusal. */
class LiveStreamTest extends PlatformTest {

    private LiveApi api;

    @BeforeEach
    void client() {
        api = new LiveApi(port);
    }

    @Test
    void aTraceStreamedInRealTimeGivesAHeartRateEverySecondAndItsFinalResultToEverySurface() throws Exception {
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");
        var samples = SkinColourTrace.of(68, 13.2, 30, 11);

        try (var phone = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey());
             var dashboard = LiveSocket.connect(port, "/v2/ws")) {
            phone.await("authenticated", Duration.ofSeconds(5));
            // The dashboard authenticates by its first message and subscribes as NeuraScale's client does.
            dashboard.send(body("type", "auth", "token", tenant.memberToken()));
            dashboard.await("authenticated", Duration.ofSeconds(5));
            dashboard.send(body("type", "subscribe", "sessionId", session));
            dashboard.await("subscribed", Duration.ofSeconds(5));

            long start = System.nanoTime();
            phone.traceInRealTime(session, samples);
            var firstWindow = dashboard.await("vitals", Duration.ofSeconds(1));
            long sinceStart = (System.nanoTime() - start) / 1_000_000;
            assertThat(sinceStart).as("the first window follows the 10th second").isGreaterThan(9_500);

            var stopped = expect(api.postEmpty("/v2/streams/" + started.text("stream_id") + "/stop",
                    tenant.apiKey()), 200);
            assertThat(stopped.text("status")).isEqualTo("completed");
            var finalRate = stopped.json().path("vitals").path("heart_rate").asDouble();
            assertThat(finalRate).isCloseTo(68, within(1.0));

            var completed = dashboard.await("completed", Duration.ofSeconds(2));
            assertThat(completed.path("vitals").path("heart_rate").asDouble()).isEqualTo(finalRate);
            phone.await("completed", Duration.ofSeconds(2));

            var windows = dashboard.received("vitals");
            assertThat(windows).hasSizeBetween(3, 4);
            assertThat(firstWindow.path("t").asDouble()).isEqualTo(10);
            for (JsonNode window : windows) {
                assertThat(window.path("session_id").asString()).isEqualTo(session);
                assertThat(window.path("heart_rate").asDouble()).as(window.toString()).isCloseTo(68, within(3.0));
                assertThat(window.path("window_seconds").asDouble()).isCloseTo(10, within(0.2));
                assertThat(window.path("confidence").asDouble()).isBetween(0.0, 1.0);
                assertThat(window.path("waveform").isArray()).isTrue();
                assertThat(window.has("face")).isFalse();
            }
            assertThat(windows.get(1).path("waveform").size()).isEqualTo(30);
            assertThat(texts(phone.received("vitals"))).isEqualTo(texts(windows));
        }

        var v1 = expect(api.get("/api/v1/scan-session/" + session + "/vitals", tenant.apiKey()), 200);
        assertThat(v1.text("status")).isEqualTo("completed");
        var nervoscan = expect(api.post("/getcustomerinfo", tenant.apiKey(),
                body("mode", "selection", "api_keys", List.of(session))), 200);
        assertThat(nervoscan.json().path("estimates").get(0).get(0).path("scan_details").get(0).path("HR").asDouble())
                .isCloseTo(v1.json().path("vitals").path("heart_rate").asDouble(), within(0.51));
    }

    @Test
    void aSubscriberOfAnotherTenantsSessionHearsThatItDoesNotExist() throws Exception {
        var tenant = api.createTenant();
        var other = api.createTenant();
        var session = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        try (var intruder = LiveSocket.connect(port, "/ws?token=" + other.apiKey())) {
            intruder.await("authenticated", Duration.ofSeconds(5));
            intruder.send(body("type", "subscribe", "topic", "vitals", "session_id", session.text("session_id")));
            assertThat(intruder.await("error", Duration.ofSeconds(5)).path("code").asString())
                    .isEqualTo("SESSION_NOT_FOUND");
            intruder.trace(session.text("session_id"), SkinColourTrace.of(70, 1, 30, 1));
            assertThat(intruder.await("error", Duration.ofSeconds(5)).path("code").asString())
                    .isEqualTo("STREAM_UNAVAILABLE");
        }
        expect(api.postEmpty("/v2/streams/" + session.text("stream_id") + "/stop", tenant.apiKey()), 200);
    }

    @Test
    void aWrongTokenOrNoneIsAnsweredInvalidTokenAndClosed4401() throws Exception {
        try (var wrong = LiveSocket.connect(port, "/ws?token=rppg_live_notakey")) {
            assertThat(wrong.await("error", Duration.ofSeconds(5)).path("code").asString()).isEqualTo("INVALID_TOKEN");
            assertThat(wrong.closeCode()).isEqualTo(4401);
        }
        try (var early = LiveSocket.connect(port, "/ws")) {
            early.send(body("type", "subscribe", "topic", "vitals", "session_id", "sess_20260101000000_abcdefgh"));
            assertThat(early.await("error", Duration.ofSeconds(5)).path("code").asString()).isEqualTo("INVALID_TOKEN");
            assertThat(early.closeCode()).isEqualTo(4401);
        }
        try (var forged = LiveSocket.connect(port, "/v2/ws")) {
            forged.send(body("type", "auth", "token", "eyJhbGciOiJub25lIn0.e30."));
            assertThat(forged.await("error", Duration.ofSeconds(5)).path("code").asString()).isEqualTo("INVALID_TOKEN");
            assertThat(forged.closeCode()).isEqualTo(4401);
        }
    }

    @Test
    void theEleventhConnectionOfOneUserIsClosed4429() throws Exception {
        var tenant = api.createTenant();
        var open = new ArrayList<LiveSocket>();
        try {
            for (int i = 0; i < 10; i++) {
                var socket = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey());
                socket.await("authenticated", Duration.ofSeconds(5));
                open.add(socket);
            }
            try (var eleventh = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
                assertThat(eleventh.await("error", Duration.ofSeconds(5)).path("code").asString())
                        .isEqualTo("RATE_LIMIT_EXCEEDED");
                assertThat(eleventh.closeCode()).isEqualTo(4429);
            }
            // Another user of the same tenant has connections of their own.
            try (var colleague = LiveSocket.connect(port, "/ws?token=" + tenant.memberToken())) {
                colleague.await("authenticated", Duration.ofSeconds(5));
            }
        } finally {
            open.forEach(LiveSocket::close);
        }
    }

    @Test
    void aMalformedMessageFromTheStreamingConnectionFailsItsScanWithTheReason() throws Exception {
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");
        try (var phone = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            phone.await("authenticated", Duration.ofSeconds(5));
            phone.trace(session, SkinColourTrace.of(70, 0.5, 30, 2));
            phone.await("subscribed", Duration.ofSeconds(5));
            phone.sendText("{\"type\":\"trace\",\"session_id\":\"" + session + "\",\"samples\":[[0,1,2]]}");
            assertThat(phone.closeCode()).isEqualTo(4400);
            assertThat(phone.received("error")).singleElement()
                    .satisfies(error -> assertThat(error.path("code").asString()).isEqualTo("INVALID_MESSAGE"));
            var failed = phone.received("failed").getFirst();
            assertThat(failed.path("code").asString()).isEqualTo("INVALID_STREAM");
            assertThat(failed.path("error").asString()).contains("[t_ms, r, g, b]");
        }
        var v1 = expect(api.get("/api/v1/scan-session/" + session + "/vitals", tenant.apiKey()), 200);
        assertThat(v1.text("status")).isEqualTo("failed");
        assertThat(v1.text("error_code")).isEqualTo("INVALID_STREAM");
    }

    @Test
    void aStreamSentFasterThanRealTimeIsEndedAndItsScanFailed() throws Exception {
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");
        var samples = SkinColourTrace.of(70, 20, 30, 3);
        try (var flooder = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            flooder.await("authenticated", Duration.ofSeconds(5));
            flooder.trace(session, samples.subList(0, 600));
            assertThat(flooder.closeCode()).isEqualTo(4429);
            assertThat(flooder.received("error")).singleElement()
                    .satisfies(error -> assertThat(error.path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED"));
            assertThat(flooder.received("failed").getFirst().path("code").asString()).isEqualTo("INVALID_STREAM");
        }
        assertThat(expect(api.get("/api/v1/scan-session/" + session + "/vitals", tenant.apiKey()), 200)
                .text("status")).isEqualTo("failed");
    }

    @Test
    void aFloodOfMessagesIsClosedAndOversizedOrGarbageMessagesAreRefused() throws Exception {
        var tenant = api.createTenant();
        try (var flood = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            flood.await("authenticated", Duration.ofSeconds(5));
            for (int i = 0; i < 80 && flood.sendUnlessClosed(body("type", "ping")); i++) {
                // the server closes the connection somewhere in the flood, perhaps during a send
            }
            flood.await(node -> "RATE_LIMIT_EXCEEDED".equals(node.path("code").asString()), Duration.ofSeconds(5),
                    "rate limit error");
            assertThat(flood.closeCode()).isEqualTo(4429);
        }
        try (var big = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            big.await("authenticated", Duration.ofSeconds(5));
            big.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(big.await("error", Duration.ofSeconds(5)).path("code").asString()).isEqualTo("MESSAGE_TOO_LARGE");
            assertThat(big.closeCode()).isEqualTo(4400);
        }
        try (var garbage = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            garbage.await("authenticated", Duration.ofSeconds(5));
            garbage.sendText("\u0000not json");
            assertThat(garbage.await("error", Duration.ofSeconds(5)).path("code").asString())
                    .isEqualTo("INVALID_MESSAGE");
            assertThat(garbage.closeCode()).isEqualTo(4400);
        }
    }

    @Test
    void aDroppedConnectionCanResumeItsStreamAndAnAbandonedStreamEndsWithWhatItHas() throws Exception {
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");
        var samples = SkinColourTrace.of(70, 4, 30, 4);
        var first = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey());
        first.await("authenticated", Duration.ofSeconds(5));
        first.traceInRealTime(session, samples.subList(0, 60));
        first.drop();

        try (var resumed = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            resumed.await("authenticated", Duration.ofSeconds(5));
            resumed.trace(session, samples.subList(60, 90));
            resumed.await("subscribed", Duration.ofSeconds(5));
            assertThat(resumed.received("error")).isEmpty();
            resumed.drop();
        }

        try (var watcher = LiveSocket.connect(port, "/ws?token=" + tenant.memberToken())) {
            watcher.await("authenticated", Duration.ofSeconds(5));
            watcher.send(body("type", "subscribe", "topic", "vitals", "session_id", session));
            // Nobody feeds it any more: after the idle timeout (30 s) it ends with its 3 s, too short to measure.
            var failed = watcher.await("failed", Duration.ofSeconds(40));
            assertThat(failed.path("code").asString()).isEqualTo("VIDEO_TOO_SHORT");
        }
        assertThat(expect(api.postEmpty("/v2/streams/" + started.text("stream_id") + "/stop", tenant.apiKey()), 409)
                .json().path("error").path("code").asString()).isEqualTo("STREAM_UNAVAILABLE");
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(node -> node.path("t").asString() + "/" + node.path("heart_rate").asString())
                .toList();
    }
}
