package io.rppg.adapter.web.v1;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.service.report.VitalsReport;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The rPPG v1 API: open a scan session and read its vitals. */
@RestController
@RequestMapping(value = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class V1ScanSessionController {

    private final CreateScanSessionUseCase createSession;
    private final GetScanSessionQuery getSession;

    V1ScanSessionController(CreateScanSessionUseCase createSession, GetScanSessionQuery getSession) {
        this.createSession = createSession;
        this.getSession = getSession;
    }

    @PostMapping("/scan-session")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedSession create(@AuthenticationPrincipal Caller caller) {
        var outcome = createSession.createScanSession(
                new CreateScanSessionUseCase.Command(scanTenant(caller), caller.owner()));
        if (outcome instanceof SessionCreation.Created created) {
            var session = created.session();
            return new CreatedSession(session.id().value(), session.createdAt().toString(), session.owner().value());
        }
        if (outcome instanceof SessionCreation.NoScansAvailable spent) {
            throw new ApiException(ApiError.of(HttpStatus.PAYMENT_REQUIRED, "NO_SCANS_AVAILABLE", "No scans available!")
                    .withDetail("monthly_scans", spent.monthlyScans())
                    .withDetail("renews_at", spent.renewsAt().toString()));
        }
        var tooMany = (SessionCreation.TooManyOpenSessions) outcome;
        throw new ApiException(ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_OPEN_SESSIONS",
                        "This key already holds " + tooMany.maxOpenSessions()
                                + " open sessions; finish or let one expire first.")
                .withDetail("max_open_sessions", tooMany.maxOpenSessions()));
    }

    @GetMapping("/scan-session/{sessionId}/vitals")
    Map<String, Object> vitals(@AuthenticationPrincipal Caller caller, @PathVariable String sessionId) {
        var session = findSession(caller, sessionId);
        var body = new LinkedHashMap<String, Object>();
        body.put("status", session.status().name().toLowerCase(Locale.ROOT));
        body.put("session_id", session.id().value());
        switch (session.status()) {
            case COMPLETED -> body.put("vitals", VitalsReport.of(session));
            case FAILED -> {
                body.put("error", session.failure().message());
                body.put("error_code", session.failure().code().name());
            }
            default -> {
            }
        }
        return body;
    }

    private ScanSession findSession(Caller caller, String sessionId) {
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
