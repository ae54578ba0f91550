package io.rppg.adapter.web.nervoscan;

import io.rppg.adapter.web.Routes;
import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.input.StorableText;
import io.rppg.adapter.web.metrics.ScanMeters;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.ScanClientMetadataUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Nervoscan's upload: multipart {@code file} (the video) and {@code data}, a JSON string {@code {uuid, meta_data}}.
 * Nervoscan clients ignore the HTTP status and read {@code success} and {@code error.code}; anything wrong with the
 * shape of the request is {@code INVALID_CONTENT_TYPE}.
 */
@RestController
class NervoscanSubmitController {

    private final SubmitVideoUseCase submitVideo;
    private final JsonMapper json;
    private final ScanMeters meters;

    NervoscanSubmitController(SubmitVideoUseCase submitVideo, JsonMapper json, ScanMeters meters) {
        this.submitVideo = submitVideo;
        this.json = json;
        this.meters = meters;
    }

    @PostMapping(value = Routes.NERVOSCAN_SUBMIT, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> submitScan(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        var tenant = NervoscanJobController.tenantOf(caller);
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw invalidContent("send multipart/form-data with the parts file and data");
        }
        var file = multipart.getFile("file");
        if (file == null || file.isEmpty()) {
            throw invalidContent("the part file (the video) is missing or empty");
        }
        // Everything the client sent is checked before the video is read: once it is accepted, nothing is refused.
        var data = parseData(multipart.getParameter("data"));
        var jobId = data.get("uuid");
        if (jobId == null || jobId.isNull()) {
            throw invalidContent("the part data must carry the job's uuid");
        }
        if (!jobId.isString() || !ScanSessionId.isWellFormed(jobId.asString())) {
            throw NervoscanJobController.jobNotRegistered();
        }
        var session = new ScanSessionId(jobId.asString());
        var metaData = metadataText(data.get("meta_data"));
        var result = meters.upload("nervoscan", file.getSize(), () -> submit(tenant, session, file, metaData));
        return switch (result) {
            case SubmissionResult.Accepted accepted -> Map.of("success", true, "job_id", session.value(),
                    "job_status", "Pending", "message", "Video received and queued for analysis");
            case SubmissionResult.Refusal refusal -> throw new ApiException(refusal(refusal));
        };
    }

    /**
     * The client's meta_data as JSON text, null when none was sent; refused when it is not a small object or holds
     * text that cannot be stored.
     */
    private String metadataText(JsonNode metaData) {
        if (metaData == null || metaData.isNull()) {
            return null;
        }
        if (!metaData.isObject()) {
            throw invalidContent("meta_data must be a JSON object");
        }
        var text = json.writeValueAsString(metaData);
        if (text.length() > ScanClientMetadataUseCase.MAX_CHARACTERS) {
            throw invalidContent("meta_data must be at most " + ScanClientMetadataUseCase.MAX_CHARACTERS
                    + " characters of JSON");
        }
        StorableText.firstIn(metaData, "meta_data").ifPresent(unstorable -> {
            throw invalidContent(unstorable.message());
        });
        return text;
    }

    private SubmissionResult submit(TenantId tenant, ScanSessionId session, MultipartFile file, String metaData) {
        try (var content = file.getInputStream()) {
            return submitVideo.submitVideo(new SubmitVideoUseCase.Command(tenant, session, content,
                    file.getContentType(), file.getOriginalFilename(), metaData));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded part", e);
        }
    }

    private JsonNode parseData(String data) {
        if (data == null || data.isBlank()) {
            throw invalidContent("the part data must be a JSON string {\"uuid\": ..., \"meta_data\": {...}}");
        }
        try {
            var node = json.readTree(data);
            if (!node.isObject()) {
                throw invalidContent("the part data must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw invalidContent("the part data is not valid JSON");
        }
    }

    private static ApiError refusal(SubmissionResult.Refusal refusal) {
        return switch (refusal) {
            case SubmissionResult.SessionNotFound() -> ApiError.of(HttpStatus.NOT_FOUND, "JOB_NOT_REGISTERED",
                    "The job is not registered or has expired");
            case SubmissionResult.VideoAlreadySubmitted() -> ApiError.of(HttpStatus.CONFLICT, "JOB_ALREADY_SUBMITTED",
                    "This job already has its video");
            case SubmissionResult.TooLarge(var maxBytes) -> ApiError.of(HttpStatus.CONTENT_TOO_LARGE,
                    "FILE_TOO_LARGE", "The video exceeds the limit of " + maxBytes / (1024 * 1024) + " MB");
            case SubmissionResult.UnsupportedFormat unsupported -> ApiError.of(HttpStatus.BAD_REQUEST,
                    "INVALID_CONTENT_TYPE", "The file is not an MP4, WebM, MOV or AVI video");
            case SubmissionResult.Unreadable(var detail) -> ApiError.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "INVALID_VIDEO", "The video cannot be read: " + detail);
        };
    }

    private static ApiException invalidContent(String message) {
        return new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "INVALID_CONTENT_TYPE", message));
    }
}
