package io.rppg.bootstrap.scan;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.HeartScenario;
import io.rppg.adapter.signal.fixture.UnusableVideos;
import io.rppg.adapter.signal.fixture.VideoContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.rppg.bootstrap.scan.ScanApi.body;
import static io.rppg.bootstrap.scan.ScanApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rPPG v1 API as its clients use it, over HTTP with an API key, on real face videos and the real engine. */
class V1ScanFlowTest extends ScanFlowTest {

    static Stream<Arguments> faceVideos() {
        var base = FaceVideoSpec.defaults().withSeconds(12);
        return Stream.of(
                Arguments.of("scan.mp4", base.withHeartRate(58).in(VideoContainer.MP4_MPEG4).withSeed(51)),
                Arguments.of("scan.webm", base.withHeartRate(72).in(VideoContainer.WEBM_VP8).withSeed(52)),
                Arguments.of("scan.mov", base.withHeartRate(95).in(VideoContainer.MOV_MPEG4).withSeed(53)),
                Arguments.of("scan.avi", base.withHeartRate(128).withSize(480, 360).in(VideoContainer.AVI_MJPEG)
                        .withSeed(54)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("faceVideos")
    void aFaceVideoIsMeasuredWithinThreeBpmAndItsFileIsDeleted(String fileName, FaceVideoSpec spec) throws Exception {
        var tenant = api.createTenant();
        var video = video(spec);

        var created = expect(api.postEmpty("/api/v1/scan-session", tenant.apiKey()), 201);
        var sessionId = created.text("session_id");
        assertThat(sessionId).matches("sess_\\d{14}_[a-z0-9]+");
        assertThat(Instant.parse(created.text("created_at"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(created.text("owner")).isNotBlank();

        var uploaded = uploadV1(tenant.apiKey(), sessionId, fileName, contentTypeOf(spec), video.bytes());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(202);
        assertThat(uploaded.text("session_id")).isEqualTo(sessionId);
        assertThat(uploaded.text("status")).isEqualTo("processing");
        assertThat(uploaded.text("message")).isNotBlank();

        var done = awaitFinishedV1(tenant.apiKey(), sessionId);

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("session_id").asString()).isEqualTo(sessionId);
        var vitals = done.path("vitals");
        assertThat(vitals.path("heart_rate").isNumber()).isTrue();
        assertThat(vitals.path("heart_rate").asDouble()).as(vitals.toString())
                .isCloseTo(video.truth().heartRateBpm(), within(3.0));
        assertThat(vitals.path("respiratory_rate").isNumber() || vitals.path("respiratory_rate").isNull()).isTrue();
        assertThat(vitals.path("hrv").isNumber() || vitals.path("hrv").isNull()).isTrue();
        assertThat(vitals.has("blood_pressure")).isTrue();
        assertThat(vitals.path("blood_pressure").isNull()).isTrue();
        assertThat(vitals.path("confidence").isNumber()).isTrue();
        assertThat(vitals.path("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(Instant.parse(vitals.path("timestamp").asString())).isAfter(Instant.parse(created.text("created_at")));
        assertThat(vitals.path("processing_time_ms").isIntegralNumber()).isTrue();
        assertThat(vitals.path("processing_time_ms").asLong()).isPositive();
        var quality = vitals.path("signal_quality");
        assertThat(quality.path("snr").isNumber()).isTrue();
        assertThat(quality.path("stability").asDouble(-1)).isBetween(0.0, 1.0);
        assertThat(quality.path("periodicity").asDouble(-1)).isBetween(0.0, 1.0);
        assertThat(vitals.path("method").asString()).matches("auto:(pos|green|lgi)");
        // Beside the documented fields: the heart rate over time, one 10 s window a second, and the rhythm.
        var series = vitals.path("heart_rate_series");
        assertThat(series.isArray()).as(vitals.toString()).isTrue();
        assertThat(series.size()).isGreaterThanOrEqualTo(2);
        for (var point : series) {
            assertThat(point.path("t").asDouble(-1)).isBetween(0.0, 12.0);
            assertThat(point.path("bpm").asDouble()).isCloseTo(video.truth().heartRateBpm(), within(6.0));
            assertThat(point.path("confidence").asDouble(-1)).isBetween(0.0, 1.0);
        }
        assertThat(vitals.path("rhythm").asString()).isIn("regular", "irregular", "undetermined");

        assertThat(storedFilesOf(tenant.id(), sessionId)).isEmpty();
    }

    @Test
    void aPhotographUnderAPulsingLampFailsAsNoPulse() throws Exception {
        var tenant = api.createTenant();
        var sessionId = openV1Session(tenant.apiKey());
        var photograph = fixtureDir().resolve("photograph-under-lamp.mp4");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(12).withPulseStrength(0).withBreathing(0)
                .withSeed(57), HeartScenario.steady().underLamp(0.01, 72), photograph);

        expect(uploadV1(tenant.apiKey(), sessionId, "photo.mp4", "video/mp4", Files.readAllBytes(photograph)), 202);
        var done = awaitFinishedV1(tenant.apiKey(), sessionId);

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("failed");
        assertThat(done.path("error_code").asString()).isEqualTo("NO_PULSE");
        assertThat(done.path("error").asString()).startsWith("No pulse found in the face: is it a live person?");
        assertThat(done.has("vitals")).isFalse();
    }

    @Test
    void aVideoWithoutAFaceFailsWithItsReasonAndASecondUploadIsAConflict() throws Exception {
        var tenant = api.createTenant();
        var sessionId = openV1Session(tenant.apiKey());
        var empty = Files.readAllBytes(UnusableVideos.emptyRoom(fixtureDir().resolve("empty-room.mp4")));

        expect(uploadV1(tenant.apiKey(), sessionId, "room.mp4", "video/mp4", empty), 202);
        var again = uploadV1(tenant.apiKey(), sessionId, "room.mp4", "video/mp4", empty);
        var done = awaitFinishedV1(tenant.apiKey(), sessionId);
        var afterwards = uploadV1(tenant.apiKey(), sessionId, "room.mp4", "video/mp4", empty);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("VIDEO_ALREADY_SUBMITTED");
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("failed");
        assertThat(done.path("error").asString()).isEqualTo("No face detected in video");
        assertThat(done.path("error_code").asString()).isEqualTo("NO_FACE_DETECTED");
        assertThat(done.has("vitals")).isFalse();
        assertThat(storedFilesOf(tenant.id(), sessionId)).isEmpty();
    }

    @Test
    void everyBadUploadAnswersItsOwnStatusAndLeavesTheSessionOpen() throws Exception {
        var tenant = api.createTenant();
        var other = api.createTenant();
        var key = tenant.apiKey();
        var sessionId = openV1Session(key);
        var path = "/api/v1/scan-session/" + sessionId + "/video";
        var garbage = Files.readAllBytes(UnusableVideos.garbage(fixtureDir().resolve("garbage.mp4")));
        var truncated = Files.readAllBytes(UnusableVideos.truncated(fixtureDir().resolve("truncated.mp4")));

        var garbageAnswer = uploadV1(key, sessionId, "scan.mp4", "video/mp4", garbage);
        assertThat(garbageAnswer.status()).as(garbageAnswer.toString()).isEqualTo(400);
        assertThat(garbageAnswer.text("code")).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(garbageAnswer.contentType()).startsWith("application/problem+json");

        var truncatedAnswer = uploadV1(key, sessionId, "scan.mp4", "video/mp4", truncated);
        assertThat(truncatedAnswer.status()).as(truncatedAnswer.toString()).isEqualTo(422);
        assertThat(truncatedAnswer.text("code")).isEqualTo("INVALID_VIDEO");

        var unknown = uploadV1(key, "sess_20260101000000_unknownsession1", "scan.mp4", "video/mp4", truncated);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("SESSION_NOT_FOUND");
        assertThat(uploadV1(key, "not-a-session", "scan.mp4", "video/mp4", truncated).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/scan-session/sess_20260101000000_unknownsession1/vitals", key).status())
                .isEqualTo(404);

        var foreign = uploadV1(other.apiKey(), sessionId, "scan.mp4", "video/mp4", truncated);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(api.get("/api/v1/scan-session/" + sessionId + "/vitals", other.apiKey()).status()).isEqualTo(404);

        var json = api.post(path, key, body("file", "not a video"));
        assertThat(json.status()).as(json.toString()).isEqualTo(415);

        var missingFile = api.multipart(path, key, ScanApi.Part.field("note", "no video here"));
        assertThat(missingFile.status()).as(missingFile.toString()).isEqualTo(400);

        // Nothing was kept, and the session still waits for its video.
        assertThat(storedFilesOf(tenant.id(), sessionId)).isEmpty();
        assertThat(expect(api.get("/api/v1/scan-session/" + sessionId + "/vitals", key), 200).text("status"))
                .isEqualTo("pending");
    }

    @Test
    void anUploadOverThePlansLimitIsRefusedWith413() throws Exception {
        var tenant = api.createTenant(100, 10, 1);
        var sessionId = openV1Session(tenant.apiKey());
        var twoMegabytes = Arrays.copyOf(mp4Head(), 2 * 1024 * 1024);

        var answer = uploadV1(tenant.apiKey(), sessionId, "scan.mp4", "video/mp4", twoMegabytes);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.text("code")).isEqualTo("FILE_TOO_LARGE");
        assertThat(answer.json().path("max_bytes").asLong()).isEqualTo(1024 * 1024);
        assertThat(storedFilesOf(tenant.id(), sessionId)).isEmpty();
        assertThat(Files.isDirectory(videoDirectory(tenant.id())) ? listing(videoDirectory(tenant.id())) : List.of())
                .isEmpty();
    }

    @Test
    void sessionsAreListedNewestFirstPageByPageAndByStatusAndCountInTheUsage() throws Exception {
        var tenant = api.createTenant(50, 10, 100);
        var key = tenant.apiKey();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(openV1Session(key));
            sleep(1100); // the ids carry the second they were made in; keep them apart
        }
        var empty = Files.readAllBytes(UnusableVideos.emptyRoom(fixtureDir().resolve("empty-room-list.mp4")));
        expect(uploadV1(key, ids.get(0), "room.mp4", "video/mp4", empty), 202);
        awaitFinishedV1(key, ids.get(0));

        var first = expect(api.get("/api/v1/scan-sessions?limit=2", key), 200).json();
        var cursor = first.path("next_cursor").asString();
        var second = expect(api.get("/api/v1/scan-sessions?limit=2&cursor="
                + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8), key), 200).json();

        assertThat(ScanApi.texts(first.path("sessions"), "session_id")).containsExactly(ids.get(2), ids.get(1));
        assertThat(cursor).isNotBlank();
        assertThat(ScanApi.texts(second.path("sessions"), "session_id")).containsExactly(ids.get(0));
        assertThat(second.path("next_cursor").isNull()).isTrue();
        var failedOne = second.path("sessions").get(0);
        assertThat(failedOne.path("status").asString()).isEqualTo("failed");
        assertThat(failedOne.path("error").asString()).isEqualTo("No face detected in video");
        assertThat(failedOne.path("completed_at").isString()).isTrue();

        var failed = expect(api.get("/api/v1/scan-sessions?status=failed", key), 200).json().path("sessions");
        var pending = expect(api.get("/api/v1/scan-sessions?status=pending", key), 200).json().path("sessions");
        assertThat(ScanApi.texts(failed, "session_id")).containsExactly(ids.get(0));
        assertThat(ScanApi.texts(pending, "session_id")).containsExactly(ids.get(2), ids.get(1));
        assertThat(expect(api.get("/api/v1/scan-sessions?status=completed", key), 200).json().path("sessions")
                .isEmpty()).isTrue();
        assertThat(api.get("/api/v1/scan-sessions?status=lost", key).status()).isEqualTo(400);

        var usage = expect(api.get("/api/v1/admin/tenants/" + tenant.id() + "/usage", tenant.adminToken()), 200)
                .json();
        assertThat(usage.path("scans_used").asInt()).isEqualTo(3);
        assertThat(usage.path("scans_limit").asInt()).isEqualTo(50);
        assertThat(usage.path("scans_left").asInt()).isEqualTo(47);
        assertThat(usage.path("sessions_by_status").path("failed").asInt()).isEqualTo(1);
        assertThat(usage.path("sessions_by_status").path("pending").asInt()).isEqualTo(2);
        var stranger = api.createTenant();
        assertThat(api.get("/api/v1/admin/tenants/" + tenant.id() + "/usage", stranger.adminToken()).status())
                .isEqualTo(404);
    }

    /** The first bytes of an MP4 file: an ftyp box, which is all the platform looks at before storing. */
    static byte[] mp4Head() {
        return new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
                'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
    }

    private static List<java.nio.file.Path> listing(java.nio.file.Path directory) throws java.io.IOException {
        try (var files = Files.list(directory)) {
            return files.toList();
        }
    }
}
