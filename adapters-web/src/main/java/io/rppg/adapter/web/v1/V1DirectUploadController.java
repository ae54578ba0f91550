package io.rppg.adapter.web.v1;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.DirectUploadUseCase;
import io.rppg.application.port.in.DirectUploadUseCase.Completion;
import io.rppg.application.port.in.DirectUploadUseCase.UploadOffer;
import io.rppg.domain.session.ScanSessionId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The v1 direct upload: the client asks for a short-lived URL, PUTs the video to object storage itself, and then
 * says it is done; the video is checked and queued as an upload to {@code /video} would be. Where the platform keeps
 * videos on its own file system, both answer 501 {@code DIRECT_UPLOAD_UNAVAILABLE}.
 */
@RestController
@RequestMapping(value = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class V1DirectUploadController {

    private final DirectUploadUseCase directUpload;

    V1DirectUploadController(DirectUploadUseCase directUpload) {
        this.directUpload = directUpload;
    }

    @PostMapping("/scan-session/{sessionId}/upload-url")
    UploadUrl uploadUrl(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId,
                        @RequestBody(required = false) UploadUrlRequest request) {
        var tenant = V1ScanSessionController.scanTenant(caller);
        if (!ScanSessionId.isWellFormed(sessionId)) {
            throw V1ScanSessionController.sessionNotFound();
        }
        if (request == null || request.contentType() == null) {
            throw invalid("content_type", "content_type is required: the video's type, e.g. video/mp4");
        }
        if (request.sizeBytes() == null) {
            throw invalid("size_bytes", "size_bytes is required: the exact size of the video in bytes");
        }
        var id = new ScanSessionId(sessionId);
        return switch (directUpload.offerUpload(new DirectUploadUseCase.OfferCommand(tenant, id,
                request.sizeBytes(), request.contentType()))) {
            case UploadOffer.Offered(var url, var headers, var size, var expiresAt, var maxBytes) ->
                    new UploadUrl(sessionId, url, "PUT", headers, size, maxBytes, expiresAt.toString());
            case UploadOffer.Refused(var refusal) -> throw new ApiException(V1VideoController.refusal(refusal));
            case UploadOffer.InvalidRequest(var field, var detail) -> throw invalid(field, detail);
            case UploadOffer.Unavailable(var reason) -> throw unavailable(reason);
        };
    }

    @PostMapping("/scan-session/{sessionId}/video/complete")
    @ResponseStatus(HttpStatus.ACCEPTED)
    V1VideoController.Accepted complete(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId) {
        var tenant = V1ScanSessionController.scanTenant(caller);
        if (!ScanSessionId.isWellFormed(sessionId)) {
            throw V1ScanSessionController.sessionNotFound();
        }
        return switch (directUpload.completeUpload(tenant, new ScanSessionId(sessionId))) {
            case Completion.Accepted(var session) -> new V1VideoController.Accepted(session.id().value(),
                    "processing", "Video uploaded successfully and is being processed");
            case Completion.Refused(var refusal) -> throw new ApiException(V1VideoController.refusal(refusal));
            case Completion.NothingUploaded() -> throw new ApiException(ApiError.of(HttpStatus.CONFLICT,
                    "VIDEO_NOT_UPLOADED", "No video has been put with this session's upload URL: PUT the video "
                            + "first, or ask for a new URL if it expired"));
            case Completion.Unavailable(var reason) -> throw unavailable(reason);
        };
    }

    private static ApiException invalid(String field, String detail) {
        return new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", detail)
                .withDetail("field", field));
    }

    private static ApiException unavailable(String reason) {
        return new ApiException(ApiError.of(HttpStatus.NOT_IMPLEMENTED, "DIRECT_UPLOAD_UNAVAILABLE", reason));
    }

    /** @param sizeBytes the exact size of the file to be put */
    record UploadUrlRequest(String contentType, Long sizeBytes) {
    }

    /** PUT the file to {@code uploadUrl} with {@code headers}, before {@code expiresAt}. */
    record UploadUrl(String sessionId, String uploadUrl, String method, Map<String, String> headers, long sizeBytes,
                     long maxBytes, String expiresAt) {
    }
}
