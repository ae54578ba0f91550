package io.rppg.bootstrap.scan;

import io.rppg.bootstrap.PlatformTest;
import io.rppg.bootstrap.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static io.rppg.bootstrap.ErrorShapes.assertError;
import static io.rppg.bootstrap.ErrorShapes.codeOf;
import static io.rppg.bootstrap.ErrorShapes.messageOf;
import static io.rppg.bootstrap.scan.ScanApi.Part.field;
import static io.rppg.bootstrap.scan.ScanApi.Part.file;
import static io.rppg.bootstrap.scan.ScanApi.body;
import static io.rppg.bootstrap.scan.ScanApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each limit of a multipart upload is refused with its own message (the headers of a part such as a long file name,
 * the text parts together, the number of parts, the whole request), and two parts of one name are refused on each
 * surface instead of one of them being taken silently.
 */
class UploadLimitsTest extends PlatformTest {

    private static final byte[] video = ScanApi.shortRecording();

    private ScanApi api;
    private ScanApi.Tenant tenant;


    @BeforeEach
    void tenant() {
        api = new ScanApi(port);
        tenant = api.createTenant();
    }

    @Test
    void twoPartsOfOneNameAreRefusedOnEachSurface() {
        var session = expect(api.postEmpty("/api/v1/scan-session", tenant.apiKey()), 201).text("session_id");
        var path = "/api/v1/scan-session/" + session + "/video";

        var v1 = api.multipart(path, tenant.apiKey(), file("file", "a.webm", "video/webm", video),
                file("file", "b.webm", "video/webm", video));

        var body = assertError(v1, path, 400);
        assertThat(codeOf(body)).isEqualTo("INVALID_MULTIPART");
        assertThat(body.path("field").asString()).isEqualTo("file");
        assertThat(expect(api.get("/api/v1/scan-session/" + session + "/vitals", tenant.apiKey()), 200)
                .text("status")).isEqualTo("pending");

        var job = openJob();
        var data = field("data", "{\"uuid\":\"" + job + "\"}");
        var twoFiles = api.multipart("/submitscan", tenant.adminToken(), recording(), recording(), data);
        var twoData = api.multipart("/submitscan", tenant.adminToken(), recording(), data, data);
        assertThat(codeOf(assertError(twoFiles, "/submitscan", 400))).isEqualTo("INVALID_CONTENT_TYPE");
        assertThat(codeOf(assertError(twoData, "/submitscan", 400))).isEqualTo("INVALID_CONTENT_TYPE");
        assertThat(expect(api.post("/check", tenant.adminToken(), body("api_key", job)), 200).text("job_status"))
                .isEqualTo("Pending");
        assertThat(api.multipart("/submitscan", tenant.adminToken(), recording(), data).status()).isEqualTo(200);
    }

    @Test
    void aLongFileNameIsRefusedAsALongFileNameNotAsALargeFile() {
        var session = expect(api.postEmpty("/api/v1/scan-session", tenant.apiKey()), 201).text("session_id");
        var path = "/api/v1/scan-session/" + session + "/video";
        var longName = "a".repeat(1000) + ".webm";

        var v1 = assertError(api.multipart(path, tenant.apiKey(), file("file", longName, "video/webm", video)),
                path, 413);
        var nervoscan = assertError(api.multipart("/submitscan", tenant.adminToken(),
                file("file", longName, "video/webm", video), field("data", "{\"uuid\":\"" + openJob() + "\"}")),
                "/submitscan", 413);

        assertThat(codeOf(v1)).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(v1.path("limit").asString()).isEqualTo("part_header_size");
        for (var message : List.of(messageOf(v1), messageOf(nervoscan))) {
            assertThat(message).contains("file name").contains("512 bytes").doesNotContain("100 MB");
        }
        assertThat(codeOf(nervoscan)).isEqualTo("INVALID_CONTENT_TYPE");
    }

    @Test
    void aLargeDataPartIsRefusedForItsOwnLimit() {
        var data = "{\"uuid\":\"" + openJob() + "\",\"meta_data\":{\"notes\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}";

        var body = assertError(api.multipart("/submitscan", tenant.adminToken(), recording(), field("data", data)),
                "/submitscan", 413);

        assertThat(messageOf(body)).contains("data").contains("2 MB").doesNotContain("100 MB");
    }

    @Test
    void tooManyPartsAreRefusedForTheirCount() {
        var session = expect(api.postEmpty("/api/v1/scan-session", tenant.apiKey()), 201).text("session_id");
        var path = "/api/v1/scan-session/" + session + "/video";
        var parts = new ArrayList<ScanApi.Part>();
        parts.add(file("file", "scan.webm", "video/webm", video));
        for (int i = 0; i < 60; i++) {
            parts.add(field("note" + i, "x"));
        }

        var body = assertError(api.multipart(path, tenant.apiKey(), parts.toArray(ScanApi.Part[]::new)), path, 413);

        assertThat(codeOf(body)).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(body.path("limit").asString()).isEqualTo("part_count");
        assertThat(messageOf(body)).contains("parts").doesNotContain("100 MB");
    }

    @Test
    void aRequestOverTheWholeLimitSaysSo() {
        var session = expect(api.postEmpty("/api/v1/scan-session", tenant.apiKey()), 201).text("session_id");
        var path = "/api/v1/scan-session/" + session + "/video";
        var boundary = "----rppgTestBoundaryWhole";

        // The declared length alone is over the limit: the client asks whether to send the body, and the answer is
        // the refusal (after Tomcat's 100 Continue), so no 200 MB need travel.
        var answer = RawHttp.exchange(port, "POST", path, List.of("Authorization: Bearer " + tenant.apiKey(),
                        "Content-Type: multipart/form-data; boundary=" + boundary,
                        "Content-Length: " + 200L * 1024 * 1024, "Expect: 100-continue"), new byte[0]);

        var body = assertError(answer, path, 413);
        assertThat(codeOf(body)).isEqualTo("FILE_TOO_LARGE");
        assertThat(body.path("limit").asString()).isEqualTo("request_size");
        assertThat(messageOf(body)).contains("101 MB").contains("request");
    }

    private String openJob() {
        return api.openNervoscanJob(tenant.adminToken());
    }

    private static ScanApi.Part recording() {
        return file("file", "recording.webm", "video/webm", video);
    }
}
