package io.rppg.adapter.web.v1;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.metrics.ScanMeters;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.in.ListScanSessionsQuery;
import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The rPPG v1 API: open a scan session and read its vitals. */
@RestController
@RequestMapping(value = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class V1ScanSessionController {

    private final CreateScanSessionUseCase createSession;
    private final GetScanSessionQuery getSession;
    private final ListScanSessionsQuery listSessions;
    private final ScanMeters meters;

    V1ScanSessionController(CreateScanSessionUseCase createSession, GetScanSessionQuery getSession,
                            ListScanSessionsQuery listSessions, ScanMeters meters) {
        this.createSession = createSession;
        this.getSession = getSession;
        this.listSessions = listSessions;
        this.meters = meters;
    }

    @PostMapping("/scan-session")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedSession create(@AuthenticationPrincipal Caller caller) {
        var outcome = createSession.createScanSession(
                new CreateScanSessionUseCase.Command(scanTenant(caller), caller.owner()));
        return switch (outcome) {
            case SessionCreation.Created(var session) -> {
                meters.sessionCreated("v1");
                yield new CreatedSession(session.id().value(), session.createdAt().toString(),
                        session.owner().value());
            }
            case SessionCreation.NoScansAvailable(var monthlyScans, var renewsAt) -> throw new ApiException(
                    ApiError.of(HttpStatus.PAYMENT_REQUIRED, "NO_SCANS_AVAILABLE", "No scans available!")
                            .withDetail("monthly_scans", monthlyScans)
                            .withDetail("renews_at", renewsAt.toString()));
            case SessionCreation.TooManyOpenSessions(var maxOpenSessions) -> throw new ApiException(
                    ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_OPEN_SESSIONS",
                                    "This key already holds " + maxOpenSessions
                                            + " open sessions; finish or let one expire first.")
                            .withDetail("max_open_sessions", maxOpenSessions));
        };
    }

    /**
     * The session's status and, once finished, its vitals or failure; {@code include=waveform,spectrum} (either or
     * both) adds the pulse the vitals were read from to the vitals.
     */
    @GetMapping("/scan-session/{sessionId}/vitals")
    Map<String, Object> vitals(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId,
                               @RequestParam(required = false) String include) {
        var extras = PulseExtras.parse(include);
        return statusOf(findSession(getSession, caller, sessionId), extras);
    }

    /** What a poll of the session answers: its status, and its vitals (with the extras asked for) or failure. */
    static Map<String, Object> statusOf(ScanSession session, Set<PulseExtras> extras) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", session.status().name().toLowerCase(Locale.ROOT));
        body.put("session_id", session.id().value());
        switch (session.status()) {
            case COMPLETED -> {
                var vitals = VitalsReport.of(session);
                for (PulseExtras extra : extras) {
                    vitals.put(extra.field(), extra.of(session.vitals()));
                }
                body.put("vitals", vitals);
            }
            case FAILED -> {
                body.put("error", session.failure().message());
                body.put("error_code", session.failure().code().name());
            }
            default -> {
            }
        }
        return body;
    }

    /** The tenant's sessions, newest first; {@code next_cursor} fetches the next page. */
    @GetMapping("/scan-sessions")
    Map<String, Object> list(@AuthenticationPrincipal Caller caller,
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) Integer limit) {
        var listing = listSessions.listScanSessions(
                new ListScanSessionsQuery.Query(scanTenant(caller), statusFilter(status), cursor, limit));
        var page = switch (listing) {
            case ListScanSessionsQuery.Listing.Page found -> found;
            case ListScanSessionsQuery.Listing.InvalidRequest(var detail) ->
                    throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", detail));
        };
        var body = new LinkedHashMap<String, Object>();
        body.put("sessions", page.sessions().stream().map(session -> summary(session, page.asOf())).toList());
        body.put("next_cursor", page.nextCursor().orElse(null));
        return body;
    }

    private static Map<String, Object> summary(ScanSession session, java.time.Instant asOf) {
        var item = new LinkedHashMap<String, Object>();
        item.put("session_id", session.id().value());
        item.put("status", session.statusAt(asOf).name().toLowerCase(Locale.ROOT));
        item.put("created_at", session.createdAt().toString());
        item.put("expires_at", session.expiresAt().toString());
        item.put("owner", session.owner().value());
        item.put("completed_at", session.finishedAt() == null ? null : session.finishedAt().toString());
        item.put("heart_rate", session.vitals() == null ? null
                : VitalsReport.round(session.vitals().heartRate().beatsPerMinute(), 1));
        item.put("error", session.failure() == null ? null : session.failure().message());
        return item;
    }

    private static ScanStatus statusFilter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ScanStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
                    "status must be one of pending, processing, completed, failed, expired").withDetail("field", "status"));
        }
    }

    static ScanSession findSession(GetScanSessionQuery getSession, Caller caller, String sessionId) {
        if (!ScanSessionId.isWellFormed(sessionId)) {
            throw sessionNotFound();
        }
        return getSession.getScanSession(scanTenant(caller), new ScanSessionId(sessionId))
                .orElseThrow(V1ScanSessionController::sessionNotFound);
    }

    static TenantId scanTenant(Caller caller) {
        return caller.scanTenant().orElseThrow(() -> new ApiException(ApiError.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                "scans belong to tenants; platform admins have none")));
    }

    static ApiException sessionNotFound() {
        return new ApiException(ApiError.of(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND",
                "Session ID not found or expired"));
    }

    record CreatedSession(String sessionId, String createdAt, String owner) {
    }
}
