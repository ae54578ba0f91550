package io.rppg.adapter.web.v1;

import io.rppg.adapter.web.WebSliceTest;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.ListScanSessionsQuery.Listing;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.Role;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The v1 scan sessions: each outcome of opening one, and the v1 problem shape of every refusal. */
class V1ScanSessionSurfaceTest extends WebSliceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final String PROBLEM_JSON = "application/problem+json";

    private final TenantId tenant = newTenantId();

    private ScanSession session(String random) {
        return ScanSession.open(ScanSessionId.issue(NOW, random), tenant, new SessionOwner("key_app"), NOW);
    }

    @Test
    void anOpenedSessionIsCreatedWithItsIdTimeAndOwner() throws Exception {
        var session = session("aaaaaaaa");
        when(createSession.createScanSession(any())).thenReturn(new SessionCreation.Created(session));

        mvc.perform(post("/api/v1/scan-session").header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.session_id").value(session.id().value()))
                .andExpect(jsonPath("$.created_at").value("2026-03-15T10:00:00Z"))
                .andExpect(jsonPath("$.owner").value("key_app"));
    }

    @Test
    void spentScansArePaymentRequiredWithThePlanAndItsRenewal() throws Exception {
        when(createSession.createScanSession(any())).thenReturn(
                new SessionCreation.NoScansAvailable(50, Instant.parse("2026-04-01T00:00:00Z")));

        mvc.perform(post("/api/v1/scan-session").header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isPaymentRequired())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(402))
                .andExpect(jsonPath("$.title").value("Payment Required"))
                .andExpect(jsonPath("$.detail").value("No scans available!"))
                .andExpect(jsonPath("$.code").value("NO_SCANS_AVAILABLE"))
                .andExpect(jsonPath("$.monthly_scans").value(50))
                .andExpect(jsonPath("$.renews_at").value("2026-04-01T00:00:00Z"))
                .andExpect(jsonPath("$.request_id").isNotEmpty());
    }

    @Test
    void tooManyOpenSessionsAreTooManyRequestsWithTheLimit() throws Exception {
        when(createSession.createScanSession(any())).thenReturn(new SessionCreation.TooManyOpenSessions(3));

        mvc.perform(post("/api/v1/scan-session").header(AUTHORIZATION, apiKeyOf(tenant)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("TOO_MANY_OPEN_SESSIONS"))
                .andExpect(jsonPath("$.detail").value("This key already holds 3 open sessions; finish or let one expire first."))
                .andExpect(jsonPath("$.max_open_sessions").value(3));
    }

    @Test
    void aCallWithoutAKnownKeyIsUnauthorizedInTheV1Shape() throws Exception {
        mvc.perform(post("/api/v1/scan-session"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"))
                .andExpect(jsonPath("$.detail").value("Invalid or missing API key"));
        mvc.perform(post("/api/v1/scan-session").header(AUTHORIZATION, "Bearer " + ApiKey.SECRET_PREFIX + "unknown"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        verify(createSession, never()).createScanSession(any());
    }

    @Test
    void aKeyOfASuspendedTenantIsRefused() throws Exception {
        mvc.perform(post("/api/v1/scan-session").header(AUTHORIZATION, apiKeyOf(tenant, false)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("TENANT_SUSPENDED"));
        verify(createSession, never()).createScanSession(any());
    }

    @Test
    void aPlatformAdminHasNoTenantToScanFor() throws Exception {
        var admin = accessTokenOf(user(Role.PLATFORM_ADMIN, Optional.empty()));

        mvc.perform(post("/api/v1/scan-session").header(AUTHORIZATION, admin))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                .andExpect(jsonPath("$.detail").value("scans belong to tenants; platform admins have none"));
    }

    @Test
    void theVitalsOfAMalformedOrUnknownSessionAreNotFound() throws Exception {
        var key = apiKeyOf(tenant);
        var unknown = session("bbbbbbbb").id();
        when(getSession.getScanSession(tenant, unknown)).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/scan-session/not-a-session/vitals").header(AUTHORIZATION, key))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("SESSION_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("Session ID not found or expired"));
        mvc.perform(get("/api/v1/scan-session/" + unknown.value() + "/vitals").header(AUTHORIZATION, key))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("SESSION_NOT_FOUND"));
        verify(getSession, times(1)).getScanSession(any(), any());
    }

    @Test
    void aFailedSessionReportsItsFailureAndAPendingOneOnlyItsStatus() throws Exception {
        var key = apiKeyOf(tenant);
        var failed = session("cccccccc").acceptVideo(NOW).fail(AnalysisFailure.of(FailureCode.TOO_DARK), NOW);
        var pending = session("dddddddd");
        when(getSession.getScanSession(tenant, failed.id())).thenReturn(Optional.of(failed));
        when(getSession.getScanSession(tenant, pending.id())).thenReturn(Optional.of(pending));

        mvc.perform(get("/api/v1/scan-session/" + failed.id().value() + "/vitals").header(AUTHORIZATION, key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("failed"))
                .andExpect(jsonPath("$.error_code").value("TOO_DARK"))
                .andExpect(jsonPath("$.error").value(failed.failure().message()));
        mvc.perform(get("/api/v1/scan-session/" + pending.id().value() + "/vitals").header(AUTHORIZATION, key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("pending"))
                .andExpect(jsonPath("$.vitals").doesNotExist())
                .andExpect(jsonPath("$.error").doesNotExist());
    }

    @Test
    void aListingWithAnUnknownStatusOrARefusedCursorIsAValidationError() throws Exception {
        var key = apiKeyOf(tenant);
        when(listSessions.listScanSessions(any())).thenReturn(new Listing.InvalidRequest("cursor is not valid"));

        mvc.perform(get("/api/v1/scan-sessions").param("status", "lost").header(AUTHORIZATION, key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_ERROR"))
                .andExpect(jsonPath("$.field").value("status"));
        mvc.perform(get("/api/v1/scan-sessions").param("cursor", "garbage").header(AUTHORIZATION, key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_ERROR"))
                .andExpect(jsonPath("$.detail").value("cursor is not valid"));
    }
}
