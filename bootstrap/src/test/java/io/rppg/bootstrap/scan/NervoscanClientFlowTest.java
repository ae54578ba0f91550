package io.rppg.bootstrap.scan;

import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.VideoContainer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static io.rppg.bootstrap.scan.ScanApi.Part.field;
import static io.rppg.bootstrap.scan.ScanApi.Part.file;
import static io.rppg.bootstrap.scan.ScanApi.body;
import static io.rppg.bootstrap.scan.ScanApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Exactly the call sequence of Nervoscan's web client: log in, get a scan URL and take the job id after
 * {@code ?api_key=}, upload {@code recording.webm} with its {@code data} part, poll {@code /check} every second, read
 * the result at {@code estimates[0][0].scan_details[0]}; and every error code such a client knows.
 */
class NervoscanClientFlowTest extends ScanFlowTest {

    private static final String HOST = "www.nervoscan.com";

    @Test
    void theWebClientsSequenceMeasuresARecordingAndReturnsItsMetadata() {
        var tenant = api.createTenant();
        var username = api.createUser(tenant.id(), "member");
        var video = video(FaceVideoSpec.defaults().withSeconds(12).withHeartRate(84).in(VideoContainer.WEBM_VP9)
                .withSeed(61));

        var login = expect(api.post("/clientlogin", null, body("username", username, "password", ScanApi.PASSWORD)),
                200);
        assertThat(login.json().path("success").asBoolean()).isTrue();
        var token = login.text("access_token");
        assertThat(login.text("refresh_token")).isNotBlank();

        var url = expect(api.post("/clientgeturl", token, body("host_name", HOST)), 200).text("url");
        assertThat(url).startsWith("https://" + HOST + "/");
        var jobId = url.substring(url.indexOf("?api_key=") + "?api_key=".length());
        assertThat(jobId).matches("sess_\\d{14}_[a-z0-9]+");

        var submitted = api.multipart("/submitscan", token,
                file("file", "recording.webm", "video/webm", video.bytes()),
                field("data", "{\"uuid\": \"" + jobId + "\", \"meta_data\": {\"patient\":\"p-17\"}}"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("success").asBoolean()).isTrue();

        String status = null;
        var deadline = Instant.now().plus(ANALYSIS_PATIENCE);
        int polls = 0;
        while (Instant.now().isBefore(deadline)) {
            var check = expect(api.post("/check", token, body("api_key", jobId)), 200);
            polls++;
            status = check.text("job_status");
            assertThat(status).isIn("Pending", "Completed", "Failed");
            if (!"Pending".equals(status)) {
                break;
            }
            sleep(1000);
        }
        assertThat(status).as("job status after %d polls", polls).isEqualTo("Completed");
        // A second upload is refused, and its meta_data does not replace the first one's.
        assertError(api.multipart("/submitscan", token,
                file("file", "recording.webm", "video/webm", video.bytes()),
                field("data", "{\"uuid\": \"" + jobId + "\", \"meta_data\": {\"patient\":\"intruder\"}}")),
                409, "JOB_ALREADY_SUBMITTED");

        var info = expect(api.post("/getcustomerinfo", token,
                body("mode", "selection", "api_keys", List.of(jobId))), 200).json();
        var job = info.path("estimates").path(0).path(0);
        var details = job.path("scan_details").path(0);
        assertThat(info.path("success").asBoolean()).isTrue();
        assertThat(details.path("HR").isNumber()).as(info.toString()).isTrue();
        assertThat(details.path("HR").asDouble()).isCloseTo(video.truth().heartRateBpm(), within(3.0));
        for (var unmeasured : List.of("SPO2", "DBP", "SBP")) {
            assertThat(details.has(unmeasured)).as(unmeasured).isTrue();
            assertThat(details.path(unmeasured).isNull()).as(unmeasured).isTrue();
        }
        assertThat(details.has("RR")).isTrue();
        assertThat(details.has("SDNN")).isTrue();
        assertThat(details.path("heart_rate_series").isArray()).isTrue();
        assertThat(details.path("heart_rate_series").size()).isGreaterThanOrEqualTo(2);
        assertThat(details.path("heart_rate_series").path(0).path("bpm").asDouble())
                .isCloseTo(video.truth().heartRateBpm(), within(6.0));
        assertThat(job.path("meta_data").path("patient").asString()).isEqualTo("p-17");
        assertThat(job.path("job_status").asString()).isEqualTo("Completed");
    }

    @Test
    void everyDocumentedErrorCodeComesInTheShapeClientsReadWithAFittingStatus() {
        var tenant = api.createTenant();
        var username = api.createUser(tenant.id(), "member");
        var token = api.logIn(username);
        var other = api.createTenant();
        var foreignJob = jobOf(expect(api.post("/clientgeturl", other.adminToken(), body("host_name", HOST)), 200));
        var job = jobOf(expect(api.post("/clientgeturl", token, body("host_name", HOST)), 200));
        var data = "{\"uuid\": \"" + job + "\", \"meta_data\": {}}";
        var webm = "\u001a\u0045\u00df\u00a3 not really a video".getBytes(StandardCharsets.ISO_8859_1);

        assertError(api.post("/clientlogin", null, body("username", "nobody-" + ScanApi.random(), "password", "x")),
                401, "INVALID_USERNAME");
        assertError(api.post("/clientlogin", null, body("username", username, "password", "wrong password")),
                401, "INVALID_PASSWORD");

        var broke = api.createTenant(0, 10, 100);
        assertError(api.post("/clientgeturl", broke.adminToken(), body("host_name", HOST)), 402, "NO_SCANS_AVAILABLE");
        assertError(api.post("/clientgeturl", token, body("host_name", "evil.example")), 400, "INVALID_HOST_NAME");

        assertError(api.post("/submitscan", token, body("uuid", job)), 400, "INVALID_CONTENT_TYPE");
        assertError(api.multipart("/submitscan", token, field("data", data)), 400, "INVALID_CONTENT_TYPE");
        assertError(api.multipart("/submitscan", token, file("file", "recording.webm", "video/webm", webm)),
                400, "INVALID_CONTENT_TYPE");
        assertError(api.multipart("/submitscan", token, file("file", "recording.webm", "video/webm", webm),
                field("data", "uuid=" + job)), 400, "INVALID_CONTENT_TYPE");

        assertError(api.post("/check", token, body("api_key", "sess_20260101000000_unknownjob1")), 404,
                "JOB_NOT_REGISTERED");
        assertError(api.post("/check", token, body("api_key", "no such job")), 404, "JOB_NOT_REGISTERED");
        assertError(api.post("/check", token, body("api_key", foreignJob)), 404, "JOB_NOT_REGISTERED");
        assertError(api.multipart("/submitscan", token, file("file", "recording.webm", "video/webm", webm),
                field("data", "{\"uuid\": \"sess_20260101000000_unknownjob1\"}")), 404, "JOB_NOT_REGISTERED");
        assertError(api.multipart("/submitscan", token, file("file", "recording.webm", "video/webm", webm),
                field("data", "{\"uuid\": \"" + foreignJob + "\"}")), 404, "JOB_NOT_REGISTERED");
        assertError(api.post("/getcustomerinfo", token, body("mode", "selection", "api_keys", List.of(foreignJob))),
                404, "JOB_NOT_REGISTERED");
        assertError(api.post("/getcustomerinfo", token, body("mode", "all", "api_keys", List.of(job))),
                400, "INVALID_MODE");

        // The client's own job is untouched by all of the above.
        assertThat(expect(api.post("/check", token, body("api_key", job)), 200).text("job_status")).isEqualTo("Pending");
        assertThat(expect(api.post("/check", other.adminToken(), body("api_key", foreignJob)), 200)
                .text("job_status")).isEqualTo("Pending");
    }

    @Test
    void aCustomDomainServesItsTenantOnly() {
        var tenant = api.createTenant();
        var other = api.createTenant();
        var host = "scan-" + ScanApi.random() + ".clinic.example";

        var registered = api.post("/api/v1/admin/tenants/" + tenant.id() + "/domains", tenant.adminToken(),
                body("host_name", host));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        var url = expect(api.post("/clientgeturl", tenant.adminToken(), body("host_name", host)), 200).text("url");
        assertThat(url).startsWith("https://" + host + "/scan?api_key=sess_");
        assertThat(expect(api.post("/check", tenant.adminToken(), body("api_key", jobOf(url))), 200)
                .text("job_status")).isEqualTo("Pending");
        assertThat(expect(api.post("/clientgeturl", tenant.adminToken(), body("host_name", HOST)), 200).text("url"))
                .startsWith("https://" + HOST + "/");
        assertError(api.post("/clientgeturl", other.adminToken(), body("host_name", host)), 400, "INVALID_HOST_NAME");
        assertThat(api.post("/api/v1/admin/tenants/" + tenant.id() + "/domains", other.adminToken(),
                body("host_name", "x-" + host)).status()).isEqualTo(404);
    }

    private static String jobOf(ScanApi.Response getUrl) {
        return jobOf(getUrl.text("url"));
    }

    /** As the web client does it: whatever follows {@code ?api_key=}. */
    private static String jobOf(String url) {
        return url.substring(url.indexOf("?api_key=") + "?api_key=".length());
    }

    private static void assertError(ScanApi.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("success").isBoolean()).as(response.toString()).isTrue();
        assertThat(response.json().path("success").asBoolean()).isFalse();
        assertThat(response.json().path("error").path("code").asString()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().path("error").path("message").asString()).isNotBlank();
    }
}
