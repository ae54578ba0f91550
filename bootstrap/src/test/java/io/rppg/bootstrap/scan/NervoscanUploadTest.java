package io.rppg.bootstrap.scan;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * A Nervoscan upload is wholly refused or wholly accepted: a {@code data} part whose meta_data cannot be stored, or
 * that lacks the job's uuid, is refused before the video is taken, and the job stays open for a corrected retry. No
 * worker runs in this context: an accepted video only waits in the queue.
 */
class NervoscanUploadTest extends PlatformTest {

    private static final byte[] video = ScanApi.shortRecording();

    private ScanApi api;
    private ScanApi.Tenant tenant;


    @BeforeEach
    void tenant() {
        api = new ScanApi(port);
        tenant = api.createTenant();
    }

    @Test
    void metaDataThatCannotBeStoredIsRefusedBeforeTheVideoIsTakenAndACorrectedRetryIsAccepted() {
        var job = openJob();
        for (var metaData : List.of("{\"patient\":\"a\\u0000b\"}", "{\"a\\u0000\":1}", "{\"notes\":[\"x\\udc00\"]}")) {
            var refused = api.multipart("/submitscan", tenant.adminToken(), recording(),
                    field("data", "{\"uuid\":\"" + job + "\",\"meta_data\":" + metaData + "}"));
            var body = assertError(refused, "/submitscan", 400);
            assertThat(codeOf(body)).isEqualTo("INVALID_CONTENT_TYPE");
            assertThat(messageOf(body)).startsWith("meta_data").contains("cannot be stored");
        }
        assertThat(expect(api.post("/check", tenant.adminToken(), body("api_key", job)), 200).text("job_status"))
                .isEqualTo("Pending");

        var accepted = api.multipart("/submitscan", tenant.adminToken(), recording(),
                field("data", "{\"uuid\":\"" + job + "\",\"meta_data\":{\"patient\":\"p-17\"}}"));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        var info = expect(api.post("/getcustomerinfo", tenant.adminToken(),
                body("mode", "selection", "api_keys", List.of(job))), 200).json();
        assertThat(info.at("/estimates/0/0/meta_data/patient").asString()).isEqualTo("p-17");
    }

    @Test
    void metaDataIsKeptAsSentAndANumberBeyondADoubleIsRefused() {
        var job = openJob();
        var tooLarge = api.multipart("/submitscan", tenant.adminToken(), recording(),
                field("data", "{\"uuid\":\"" + job + "\",\"meta_data\":{\"huge\":1e999999}}"));
        assertThat(messageOf(assertError(tooLarge, "/submitscan", 400))).startsWith("meta_data.huge holds a number");
        var metaData = "{\"tiny\":1e-999999,\"long\":123456789012345678901234567890,"
                + "\"nested\":[[[{\"x\":0.1}]]],\"name\":\"Zoë \ud83d\udc93 \\u0007\"}";

        var accepted = api.multipart("/submitscan", tenant.adminToken(), recording(),
                field("data", "{\"uuid\":\"" + job + "\",\"meta_data\":" + metaData + "}"));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        var kept = expect(api.post("/getcustomerinfo", tenant.adminToken(),
                body("mode", "selection", "api_keys", List.of(job))), 200).json().at("/estimates/0/0/meta_data");
        assertThat(kept.path("long").toString()).isEqualTo("123456789012345678901234567890");
        assertThat(kept.at("/nested/0/0/0/x").asDouble()).isEqualTo(0.1);
        assertThat(kept.path("tiny").asDouble()).isZero();
        assertThat(kept.path("name").asString()).isEqualTo("Zoë \ud83d\udc93 \u0007");
    }

    @Test
    void dataWithoutTheJobsUuidIsAnInvalidRequest() {
        for (var data : List.of("{\"meta_data\":{}}", "{\"uuid\":null}", "{}")) {
            var refused = api.multipart("/submitscan", tenant.adminToken(), recording(), field("data", data));
            assertThat(codeOf(assertError(refused, "/submitscan", 400))).as(data).isEqualTo("INVALID_CONTENT_TYPE");
        }
    }

    private String openJob() {
        return api.openNervoscanJob(tenant.adminToken());
    }

    private static ScanApi.Part recording() {
        return file("file", "recording.webm", "video/webm", video);
    }
}
