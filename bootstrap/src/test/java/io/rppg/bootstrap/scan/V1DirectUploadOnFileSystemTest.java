package io.rppg.bootstrap.scan;

import org.junit.jupiter.api.Test;

import static io.rppg.bootstrap.scan.ScanApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/** A platform that keeps videos on its file system says clearly that it takes no direct uploads. */
class V1DirectUploadOnFileSystemTest extends ScanFlowTest {

    @Test
    void bothEndpointsAnswer501WithTheReason() {
        var tenant = api.createTenant();
        var sessionId = openV1Session(tenant.apiKey());

        var offer = api.post("/api/v1/scan-session/" + sessionId + "/upload-url", tenant.apiKey(),
                body("content_type", "video/mp4", "size_bytes", 1000));
        var complete = api.postEmpty("/api/v1/scan-session/" + sessionId + "/video/complete", tenant.apiKey());

        for (var answer : new ScanApi.Response[]{offer, complete}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(501);
            assertThat(answer.text("code")).isEqualTo("DIRECT_UPLOAD_UNAVAILABLE");
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.toString()).contains("object storage");
        }
    }
}
