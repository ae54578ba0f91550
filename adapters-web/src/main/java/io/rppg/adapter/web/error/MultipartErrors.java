package io.rppg.adapter.web.error;

import io.rppg.adapter.web.input.RepeatedPartException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartException;

/**
 * Why a multipart upload was not parsed. The server refuses it on one of several limits before any controller runs,
 * and Spring reports most of them alike as "maximum upload size exceeded"; the cause says which limit it was, and
 * each gets its own message: the file's size, the whole request's size, the headers of one part (a long file name),
 * the text parts together (such as Nervoscan's {@code data}), the number of parts.
 */
@Component
class MultipartErrors {

    private final DataSize textPartsLimit;

    MultipartErrors(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize textPartsLimit) {
        this.textPartsLimit = textPartsLimit;
    }

    ApiError of(HttpServletRequest request, MultipartException e) {
        if (e instanceof RepeatedPartException repeated) {
            return ApiError.of(HttpStatus.BAD_REQUEST, ApiExceptionHandler.nervoscanOr(request, "INVALID_MULTIPART"),
                    "the upload has more than one part named " + repeated.partName() + "; send each part once")
                    .withDetail("field", repeated.partName());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case FileSizeLimitExceededException file -> {
                    return tooLarge("FILE_TOO_LARGE", "the file exceeds the largest size accepted ("
                            + size(file.getPermittedSize()) + ")", "file_size", file.getPermittedSize());
                }
                // Tomcat reports a part's headers over their limit with the request's exception and its own words.
                case SizeLimitExceededException partHeader when String.valueOf(partHeader.getMessage())
                        .startsWith("Header section") -> {
                    return tooLarge(ApiExceptionHandler.nervoscanOr(request, "REQUEST_TOO_LARGE"),
                            "the headers of a part, such as its file name, exceed "
                                    + size(partHeader.getPermittedSize()) + "; send a shorter file name",
                            "part_header_size", partHeader.getPermittedSize());
                }
                case SizeLimitExceededException whole -> {
                    return tooLarge("FILE_TOO_LARGE", "the request exceeds the largest size accepted ("
                            + size(whole.getPermittedSize()) + " for all its parts)", "request_size",
                            whole.getPermittedSize());
                }
                case FileCountLimitExceededException parts -> {
                    return tooLarge(ApiExceptionHandler.nervoscanOr(request, "REQUEST_TOO_LARGE"),
                            "the request has more parts than the " + parts.getLimit() + " accepted", "part_count",
                            parts.getLimit());
                }
                case IllegalStateException text when String.valueOf(text.getMessage()).contains("maxPostSize") -> {
                    return tooLarge(ApiExceptionHandler.nervoscanOr(request, "REQUEST_TOO_LARGE"),
                            "the parts other than the file (such as data) exceed " + size(textPartsLimit.toBytes())
                                    + " together", "text_parts_size", textPartsLimit.toBytes());
                }
                default -> {
                }
            }
        }
        return ApiError.of(HttpStatus.BAD_REQUEST, ApiExceptionHandler.nervoscanOr(request, "INVALID_MULTIPART"),
                "the request is not a well-formed multipart/form-data upload");
    }

    private static ApiError tooLarge(String code, String message, String limit, long max) {
        return ApiError.of(HttpStatus.CONTENT_TOO_LARGE, code, message).withDetail("limit", limit)
                .withDetail("limit_value", max);
    }

    /** 100 MB, 2 MB, 512 bytes: as people write sizes. */
    static String size(long bytes) {
        var megabyte = 1024L * 1024L;
        if (bytes >= megabyte && bytes % megabyte == 0) {
            return bytes / megabyte + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
