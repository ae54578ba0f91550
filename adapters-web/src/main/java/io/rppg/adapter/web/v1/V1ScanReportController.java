package io.rppg.adapter.web.v1;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.picture.ScanPicture;
import io.rppg.application.picture.ScanReportDrawing;
import io.rppg.application.picture.SvgPicture;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.domain.session.ScanSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.Function;

/**
 * The picture of a finished scan, as SVG or PNG: the same drawing either way. A scan still pending or processing has
 * none yet and answers 202 with the body a poll of its vitals gives.
 */
@RestController
@RequestMapping("/api/v1")
class V1ScanReportController {

    static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);
    /** A finished scan's picture never changes; only its owner's tenant may see it, so no shared cache keeps it. */
    private static final CacheControl PRIVATE = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

    private static final Logger log = LoggerFactory.getLogger(V1ScanReportController.class);

    private final GetScanSessionQuery getSession;

    V1ScanReportController(GetScanSessionQuery getSession) {
        this.getSession = getSession;
    }

    @Operation(summary = "The scan's picture as SVG", description = "Headline figures, the pulse waveform with its "
            + "beats, the spectrum with the peak taken as the heart rate, and the heart rate over time; a failed "
            + "scan's picture says why it failed.")
    @ApiResponse(responseCode = "200", description = "The picture",
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "202", description = "Not finished yet: the body a poll of its vitals gives",
            content = @Content(mediaType = "application/json"))
    @ApiResponse(responseCode = "404", description = "No such session for this tenant, or expired",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/scan-session/{sessionId}/report.svg")
    ResponseEntity<?> svg(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId) {
        return picture(caller, sessionId, SVG, picture -> SvgPicture.render(picture).getBytes(StandardCharsets.UTF_8));
    }

    @Operation(summary = "The scan's picture as PNG", description = "The same drawing as report.svg, painted at "
            + "its size.")
    @ApiResponse(responseCode = "200", description = "The picture",
            content = @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "202", description = "Not finished yet: the body a poll of its vitals gives",
            content = @Content(mediaType = "application/json"))
    @ApiResponse(responseCode = "404", description = "No such session for this tenant, or expired",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "This server cannot paint PNGs (no fonts); use report.svg",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/scan-session/{sessionId}/report.png")
    ResponseEntity<?> png(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId) {
        return picture(caller, sessionId, MediaType.IMAGE_PNG, V1ScanReportController::png);
    }

    private static byte[] png(ScanPicture picture) {
        try {
            return PngPicture.render(picture);
        } catch (PngPicture.Unpaintable e) {
            log.warn("A PNG picture could not be painted on this machine: {}", e.getMessage());
            throw new ApiException(ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, "PICTURE_UNAVAILABLE",
                    "This server cannot paint PNG pictures (Java2D failed, most often for want of fonts); "
                            + "report.svg draws the same picture"));
        }
    }

    private ResponseEntity<?> picture(Caller caller, String sessionId, MediaType type,
                                      Function<ScanPicture, byte[]> render) {
        ScanSession session = V1ScanSessionController.findSession(getSession, caller, sessionId);
        return switch (session.status()) {
            case COMPLETED, FAILED -> ResponseEntity.ok().contentType(type).cacheControl(PRIVATE)
                    // Nothing in the drawing runs or loads anything; the policy keeps it so if opened on its own.
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .body(render.apply(ScanReportDrawing.of(session)));
            case EXPIRED -> throw V1ScanSessionController.sessionNotFound();
            case PENDING, PROCESSING -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                    .body(V1ScanSessionController.statusOf(session, EnumSet.noneOf(PulseExtras.class)));
        };
    }
}
