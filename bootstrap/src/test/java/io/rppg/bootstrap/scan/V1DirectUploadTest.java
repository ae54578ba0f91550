package io.rppg.bootstrap.scan;

import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.UnusableVideos;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.adapter.storage.testsupport.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

import static io.rppg.bootstrap.scan.ScanApi.body;
import static io.rppg.bootstrap.scan.ScanApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The v1 direct upload on a platform that keeps videos in a real S3-compatible store (s3proxy): the client asks for
 * an upload URL, PUTs a real video there with the JDK's HTTP client, completes, and the scan runs as any other.
 */
class V1DirectUploadTest extends ScanFlowTest {

    private static final S3ProxyServer STORE = S3ProxyServer.shared();
    private static final String BUCKET = "direct-upload-e2e";
    private static final HttpClient PUT_CLIENT = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void objectStore(DynamicPropertyRegistry registry) {
        try (var s3 = STORE.client()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
                STORE.newBucket(BUCKET);
            }
        }
        registry.add("rppg.storage.url", () -> "s3://" + BUCKET + "/rppg");
        registry.add("rppg.storage.s3.endpoint", () -> STORE.endpoint().toString());
        registry.add("rppg.storage.s3.region", () -> S3ProxyServer.REGION);
        registry.add("rppg.storage.s3.path-style", () -> "true");
        // The platform finds its credentials by the SDK's usual chain, whose first link is these properties.
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
    }

    @Test
    void aVideoPutToTheUploadUrlIsMeasuredAndChargedLikeAnUploadedOne() throws Exception {
        var tenant = api.createTenant();
        var key = tenant.apiKey();
        var video = video(FaceVideoSpec.defaults().withSeconds(12).withHeartRate(66).in(VideoContainer.WEBM_VP8)
                .withSeed(61));
        var bytes = video.bytes();
        var sessionId = openV1Session(key);

        var offer = expect(api.post(uploadUrlPath(sessionId), key,
                body("content_type", "video/webm", "size_bytes", bytes.length)), 200);
        assertThat(offer.text("method")).isEqualTo("PUT");
        assertThat(offer.json().path("size_bytes").asLong()).isEqualTo(bytes.length);
        assertThat(offer.json().path("max_bytes").asLong()).isEqualTo(100L * 1024 * 1024);
        assertThat(offer.text("expires_at")).isNotBlank();
        assertThat(put(offer, bytes).statusCode()).isEqualTo(200);

        var completed = expect(api.postEmpty(completePath(sessionId), key), 202);
        assertThat(completed.text("session_id")).isEqualTo(sessionId);
        assertThat(completed.text("status")).isEqualTo("processing");
        var done = awaitFinishedV1(key, sessionId);

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("vitals").path("heart_rate").asDouble()).isCloseTo(video.truth().heartRateBpm(),
                within(3.0));
        var usage = expect(api.get("/api/v1/admin/tenants/" + tenant.id() + "/usage", tenant.adminToken()), 200);
        assertThat(usage.json().path("scans_used").asInt()).isEqualTo(1);
        assertThat(objectsOf(tenant.id(), sessionId)).as("deleted after its analysis").isEmpty();

        // The URL again, after the session took its video: the completion is refused and the object deleted.
        assertThat(put(offer, bytes).statusCode()).isEqualTo(200);
        var again = api.postEmpty(completePath(sessionId), key);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("VIDEO_ALREADY_SUBMITTED");
        assertThat(objectsOf(tenant.id(), sessionId)).isEmpty();
        assertThat(api.post(uploadUrlPath(sessionId), key, body("content_type", "video/webm", "size_bytes", 10))
                .status()).isEqualTo(409);
    }

    @Test
    void aCompletionWithNothingPutOrForAnotherSessionOrTenantIsRefused() throws Exception {
        var tenant = api.createTenant();
        var other = api.createTenant();
        var key = tenant.apiKey();
        var first = openV1Session(key);
        var second = openV1Session(key);
        var bytes = Files.readAllBytes(UnusableVideos.truncated(fixtureDir().resolve("direct-truncated.mp4")));

        var nothing = api.postEmpty(completePath(first), key);
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(409);
        assertThat(nothing.text("code")).isEqualTo("VIDEO_NOT_UPLOADED");
        assertThat(nothing.contentType()).startsWith("application/problem+json");

        var offer = expect(api.post(uploadUrlPath(first), key,
                body("content_type", "video/mp4", "size_bytes", bytes.length)), 200);
        assertThat(put(offer, bytes).statusCode()).isEqualTo(200);
        assertThat(api.postEmpty(completePath(second), key).text("code")).isEqualTo("VIDEO_NOT_UPLOADED");
        var foreign = api.postEmpty(completePath(first), other.apiKey());
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(api.post(uploadUrlPath(first), other.apiKey(), body("content_type", "video/mp4", "size_bytes", 10))
                .status()).isEqualTo(404);

        // What was put for the first session is still its to complete: a truncated MP4, refused by the probe.
        var truncated = api.postEmpty(completePath(first), key);
        assertThat(truncated.status()).as(truncated.toString()).isEqualTo(422);
        assertThat(truncated.text("code")).isEqualTo("INVALID_VIDEO");
        assertThat(objectsOf(tenant.id(), first)).isEmpty();
        assertThat(expect(api.get("/api/v1/scan-session/" + first + "/vitals", key), 200).text("status"))
                .isEqualTo("pending");
    }

    @Test
    void garbageIsRefusedAndDeletedAndBadRequestsAnswerInTheV1Format() throws Exception {
        var tenant = api.createTenant(100, 10, 1);
        var key = tenant.apiKey();
        var sessionId = openV1Session(key);
        var garbage = Files.readAllBytes(UnusableVideos.garbage(fixtureDir().resolve("direct-garbage.mp4")));

        var offer = expect(api.post(uploadUrlPath(sessionId), key,
                body("content_type", "video/mp4", "size_bytes", garbage.length)), 200);
        assertThat(put(offer, garbage).statusCode()).isEqualTo(200);
        var refused = api.postEmpty(completePath(sessionId), key);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(objectsOf(tenant.id(), sessionId)).isEmpty();

        var tooLarge = api.post(uploadUrlPath(sessionId), key,
                body("content_type", "video/mp4", "size_bytes", 2 * 1024 * 1024));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.text("code")).isEqualTo("FILE_TOO_LARGE");
        var badType = api.post(uploadUrlPath(sessionId), key, body("content_type", "text/plain", "size_bytes", 10));
        assertThat(badType.status()).as(badType.toString()).isEqualTo(400);
        assertThat(badType.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post(uploadUrlPath(sessionId), key, body("content_type", "video/mp4", "size_bytes", 0))
                .status()).isEqualTo(400);
        assertThat(api.post(uploadUrlPath(sessionId), key, body("content_type", "video/mp4")).status())
                .isEqualTo(400);
        assertThat(api.postEmpty(uploadUrlPath(sessionId), key).status()).isEqualTo(400);
        assertThat(api.post(uploadUrlPath(sessionId), key, "not an object").status()).isEqualTo(400);
        assertThat(api.post(uploadUrlPath("sess_20260101000000_unknownsession1"), key,
                body("content_type", "video/mp4", "size_bytes", 10)).status()).isEqualTo(404);
        assertThat(api.postEmpty(completePath("not-a-session"), key).status()).isEqualTo(404);
    }

    private static String uploadUrlPath(String sessionId) {
        return "/api/v1/scan-session/" + sessionId + "/upload-url";
    }

    private static String completePath(String sessionId) {
        return "/api/v1/scan-session/" + sessionId + "/video/complete";
    }

    /** PUTs the bytes as the offer says, with the JDK's HTTP client. */
    private static HttpResponse<String> put(ScanApi.Response offer, byte[] bytes) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(offer.text("upload_url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        offer.json().path("headers").properties().forEach(h -> request.header(h.getKey(), h.getValue().asString()));
        return PUT_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every object the store holds for the session: uploads, direct uploads and its video. */
    private static List<String> objectsOf(String tenantId, String sessionId) {
        try (var s3 = STORE.client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("rppg/")).contents().stream()
                    .map(o -> o.key()).filter(k -> k.contains(tenantId + "/" + sessionId + ".")).toList();
        }
    }
}
