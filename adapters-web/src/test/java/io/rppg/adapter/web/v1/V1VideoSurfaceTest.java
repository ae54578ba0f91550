package io.rppg.adapter.web.v1;

import io.rppg.adapter.web.WebSliceTest;
import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockMultipartFile;

import java.time.Instant;
import java.util.stream.Stream;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The v1 upload: the accepted answer, and each refusal of the use case with its status, code and extras. */
class V1VideoSurfaceTest extends WebSliceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final ScanSessionId SESSION = ScanSessionId.issue(NOW, "aaaaaaaa");
    private static final MockMultipartFile VIDEO =
            new MockMultipartFile("file", "face.mp4", "video/mp4", new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});

    private final TenantId tenant = newTenantId();

    private String videoPath() {
        return "/api/v1/scan-session/" + SESSION.value() + "/video";
    }

    @Test
    void anAcceptedVideoIsBeingProcessed() throws Exception {
        var session = ScanSession.open(SESSION, tenant, new SessionOwner("key_app"), NOW).acceptVideo(NOW);
        when(submitVideo.submitVideo(any())).thenReturn(new SubmissionResult.Accepted(session));

        mvc.perform(multipart(videoPath()).file(VIDEO).header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.session_id").value(SESSION.value()))
                .andExpect(jsonPath("$.status").value("processing"))
                .andExpect(jsonPath("$.message").value("Video uploaded successfully and is being processed"));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new SubmissionResult.SessionNotFound(), 404, "SESSION_NOT_FOUND",
                        "Session ID not found or expired"),
                Arguments.of(new SubmissionResult.VideoAlreadySubmitted(), 409, "VIDEO_ALREADY_SUBMITTED",
                        "This session already has its video; open a new session for another scan"),
                Arguments.of(new SubmissionResult.TooLarge(5L * 1024 * 1024), 413, "FILE_TOO_LARGE",
                        "File exceeds your plan's limit of 5 MB"),
                Arguments.of(new SubmissionResult.UnsupportedFormat("not a video"), 400, "UNSUPPORTED_FORMAT",
                        "Invalid file format: send an MP4, WebM, MOV or AVI video (not a video)"),
                Arguments.of(new SubmissionResult.Unreadable("no video stream"), 422, "INVALID_VIDEO",
                        "Invalid video content: no video stream"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void eachRefusalHasItsStatusCodeAndDetail(SubmissionResult refusal, int status, String code, String detail)
            throws Exception {
        when(submitVideo.submitVideo(any())).thenReturn(refusal);

        mvc.perform(multipart(videoPath()).file(VIDEO).header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    @Test
    void aTooLargeVideoNamesThePlansLimitInBytes() throws Exception {
        when(submitVideo.submitVideo(any())).thenReturn(new SubmissionResult.TooLarge(5L * 1024 * 1024));

        mvc.perform(multipart(videoPath()).file(VIDEO).header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(jsonPath("$.max_bytes").value(5L * 1024 * 1024));
    }

    @Test
    void anEmptyFileOrNoFilePartIsABadRequestThatNeverReachesTheUseCase() throws Exception {
        var key = apiKeyOf(tenant);
        var empty = new MockMultipartFile("file", "face.mp4", "video/mp4", new byte[0]);
        var misnamed = new MockMultipartFile("video", "face.mp4", "video/mp4", VIDEO.getBytes());

        mvc.perform(multipart(videoPath()).file(empty).header(AUTHORIZATION, key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EMPTY_FILE"))
                .andExpect(jsonPath("$.field").value("file"));
        mvc.perform(multipart(videoPath()).file(misnamed).header(AUTHORIZATION, key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        mvc.perform(multipart("/api/v1/scan-session/not-a-session/video").file(VIDEO).header(AUTHORIZATION, key))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("SESSION_NOT_FOUND"));
        verify(submitVideo, never()).submitVideo(any());
    }
}
