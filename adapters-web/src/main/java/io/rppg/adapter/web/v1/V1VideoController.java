package io.rppg.adapter.web.v1;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.metrics.ScanMeters;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.SubmitVideoUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.domain.session.ScanSessionId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The v1 upload: one video per session, streamed to storage and checked by its bytes. */
@RestController
@RequestMapping(value = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class V1VideoController {

    private final SubmitVideoUseCase submitVideo;
    private final ScanMeters meters;

    V1VideoController(SubmitVideoUseCase submitVideo, ScanMeters meters) {
        this.submitVideo = submitVideo;
        this.meters = meters;
    }

    @PostMapping(value = "/scan-session/{sessionId}/video", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted upload(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId,
                    @RequestPart("file") MultipartFile file) {
        var tenant = V1ScanSessionController.scanTenant(caller);
        if (!ScanSessionId.isWellFormed(sessionId)) {
            throw V1ScanSessionController.sessionNotFound();
        }
        if (file.isEmpty()) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "the uploaded file is empty")
                    .withDetail("field", "file"));
        }
        var result = meters.upload("v1", file.getSize(), () -> {
            try (var content = file.getInputStream()) {
                return submitVideo.submitVideo(new SubmitVideoUseCase.Command(tenant, new ScanSessionId(sessionId),
                        content, file.getContentType(), file.getOriginalFilename()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the uploaded part", e);
            }
        });
        return switch (result) {
            case SubmissionResult.Accepted(var session) -> new Accepted(session.id().value(), "processing",
                    "Video uploaded successfully and is being processed");
            case SubmissionResult.Refusal refusal -> throw new ApiException(refusal(refusal));
        };
    }

    static ApiError refusal(SubmissionResult.Refusal refusal) {
        return switch (refusal) {
            case SubmissionResult.SessionNotFound() ->
                    ApiError.of(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND", "Session ID not found or expired");
            case SubmissionResult.VideoAlreadySubmitted() -> ApiError.of(HttpStatus.CONFLICT, "VIDEO_ALREADY_SUBMITTED",
                    "This session already has its video; open a new session for another scan");
            case SubmissionResult.TooLarge(var maxBytes) -> ApiError.of(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE",
                            "File exceeds your plan's limit of " + maxBytes / (1024 * 1024) + " MB")
                    .withDetail("max_bytes", maxBytes);
            case SubmissionResult.UnsupportedFormat(var detail) -> ApiError.of(HttpStatus.BAD_REQUEST,
                    "UNSUPPORTED_FORMAT", "Invalid file format: send an MP4, WebM, MOV or AVI video (" + detail + ")");
            case SubmissionResult.Unreadable(var detail) -> ApiError.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "INVALID_VIDEO", "Invalid video content: " + detail);
        };
    }

    record Accepted(String sessionId, String status, String message) {
    }
}
