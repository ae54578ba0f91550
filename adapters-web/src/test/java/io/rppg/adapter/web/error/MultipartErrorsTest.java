package io.rppg.adapter.web.error;

import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring reports most multipart limits alike; each is told apart by its cause, as Tomcat raises it. */
class MultipartErrorsTest {

    private static final long MB = 1024 * 1024;
    private final MultipartErrors errors = new MultipartErrors(DataSize.ofMegabytes(2));
    private final MockHttpServletRequest v1 = new MockHttpServletRequest("POST", "/api/v1/scan-session/s/video");
    private final MockHttpServletRequest nervoscan = new MockHttpServletRequest("POST", "/submitscan");

    private static MultipartException reported(Throwable cause) {
        return new MaxUploadSizeExceededException(-1, new IllegalStateException(cause));
    }

    @Test
    void theFileOverItsLimit() {
        var error = errors.of(v1, reported(new FileSizeLimitExceededException("too big", 101 * MB, 100 * MB)));

        assertThat(error.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(error.code()).isEqualTo("FILE_TOO_LARGE");
        assertThat(error.message()).isEqualTo("the file exceeds the largest size accepted (100 MB)");
        assertThat(error.details()).containsEntry("limit", "file_size").containsEntry("limit_value", 100 * MB);
    }

    @Test
    void theWholeRequestOverItsLimit() {
        var error = errors.of(v1, reported(new SizeLimitExceededException("the request was rejected because its "
                + "size (200) exceeds the configured maximum (101)", 200 * MB, 101 * MB)));

        assertThat(error.code()).isEqualTo("FILE_TOO_LARGE");
        assertThat(error.message()).contains("the request exceeds").contains("101 MB");
        assertThat(error.details()).containsEntry("limit", "request_size");
    }

    @Test
    void thePartHeadersOverTheirLimitAreALongFileName() {
        var cause = new SizeLimitExceededException(
                "Header section has more than 512 bytes (maybe it is not properly terminated)", 513, 512);

        var error = errors.of(v1, reported(cause));
        var onNervoscan = errors.of(nervoscan, reported(cause));

        assertThat(error.code()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(error.message()).contains("file name").contains("512 bytes").doesNotContain("MB");
        assertThat(error.details()).containsEntry("limit", "part_header_size");
        assertThat(onNervoscan.code()).isEqualTo("INVALID_CONTENT_TYPE");
    }

    @Test
    void theTextPartsOverTheirLimit() {
        var error = errors.of(v1, reported(new IllegalStateException("The multi-part request contained parameter "
                + "data (excluding uploaded files) that exceeded the limit for maxPostSize set on the associated "
                + "connector")));

        assertThat(error.message()).isEqualTo("the parts other than the file (such as data) exceed 2 MB together");
        assertThat(error.details()).containsEntry("limit", "text_parts_size");
    }

    @Test
    void tooManyParts() {
        var error = errors.of(v1, reported(new FileCountLimitExceededException("attachment", 10)));

        assertThat(error.message()).isEqualTo("the request has more parts than the 10 accepted");
        assertThat(error.details()).containsEntry("limit", "part_count");
    }

    @Test
    void anythingElseIsAMalformedUpload() {
        var error = errors.of(nervoscan, new MultipartException("Failed to parse multipart servlet request"));

        assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(error.code()).isEqualTo("INVALID_CONTENT_TYPE");
        assertThat(errors.of(v1, new MultipartException("x")).code()).isEqualTo("INVALID_MULTIPART");
    }
}
