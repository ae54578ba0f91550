package io.rppg.adapter.web.nervoscan;

import io.rppg.adapter.web.WebSliceTest;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.LogInUseCase.LoginOutcome;
import io.rppg.application.port.in.LogInUseCase.TokenPair;
import io.rppg.application.port.in.RefreshAccessTokenUseCase.RefreshOutcome;
import io.rppg.domain.identity.Role;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.HostName;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Nervoscan surface: each login, refresh and job outcome in Nervoscan's {success, error: {code, message}}. */
class NervoscanSurfaceTest extends WebSliceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final TokenPair TOKENS = new TokenPair("access.jwt", NOW.plusSeconds(900), "refresh-secret");

    private final TenantId tenant = newTenantId();

    private ResultActions logIn(LoginOutcome outcome) throws Exception {
        when(logIn.logIn(any())).thenReturn(outcome);
        return mvc.perform(post("/clientlogin").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"jane\",\"password\":\"secret password\"}"));
    }

    private static void refusedWith(ResultActions response, int status, String code, String message) throws Exception {
        response.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error.code").value(code))
                .andExpect(jsonPath("$.error.message").value(message));
    }

    @Test
    void aLoginGivesBothTokens() throws Exception {
        logIn(new LoginOutcome.LoggedIn(user(Role.MEMBER, Optional.of(tenant)), TOKENS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.access_token").value("access.jwt"))
                .andExpect(jsonPath("$.refresh_token").value("refresh-secret"));
    }

    @Test
    void aFailedLoginSaysWhetherTheNameOrThePasswordWasWrong() throws Exception {
        refusedWith(logIn(new LoginOutcome.UnknownUser()), 401, "INVALID_USERNAME", "Invalid username");
        refusedWith(logIn(new LoginOutcome.WrongPassword()), 401, "INVALID_PASSWORD", "Invalid password");
    }

    @Test
    void aThrottledLoginSaysHowLongToWaitInWholeSeconds() throws Exception {
        var response = logIn(new LoginOutcome.Throttled(Duration.ofMillis(1500)));

        refusedWith(response, 429, "TOO_MANY_ATTEMPTS", "Too many failed logins. Try again in 2 seconds.");
        response.andExpect(header().string("Retry-After", "2"));
    }

    @Test
    void aSuspendedTenantsUserIsForbidden() throws Exception {
        refusedWith(logIn(new LoginOutcome.TenantSuspended()), 403, "TENANT_SUSPENDED",
                "this tenant is suspended; contact the platform's administrators");
    }

    @Test
    void aLoginWithoutNameOrPasswordNeverReachesTheUseCase() throws Exception {
        refusedWith(mvc.perform(post("/clientlogin").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"jane\"}")),
                400, "INVALID_REQUEST", "send a JSON body with username and password");
        verify(logIn, never()).logIn(any());
    }

    @Test
    void aRefreshTakesTheRefreshTokenAsBearerAndRotatesIt() throws Exception {
        when(refresh.refresh("refresh-secret")).thenReturn(new RefreshOutcome.Refreshed(
                new TokenPair("new.jwt", NOW.plusSeconds(900), "next-refresh")));

        mvc.perform(post("/refresh").header(AUTHORIZATION, "Bearer refresh-secret"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.access_token").value("new.jwt"))
                .andExpect(jsonPath("$.refresh_token").value("next-refresh"));
    }

    @Test
    void eachRefusedRefreshHasItsCode() throws Exception {
        when(refresh.refresh("replayed")).thenReturn(new RefreshOutcome.ReuseDetected());
        when(refresh.refresh("stale")).thenReturn(new RefreshOutcome.Rejected());
        when(refresh.refresh("suspended")).thenReturn(new RefreshOutcome.TenantSuspended());

        refusedWith(mvc.perform(post("/refresh")), 401, "INVALID_TOKEN",
                "send the refresh token as Authorization: Bearer <refresh_token>");
        refusedWith(mvc.perform(post("/refresh").header(AUTHORIZATION, "Bearer replayed")), 401, "INVALID_TOKEN",
                "the refresh token was already used; log in again");
        refusedWith(mvc.perform(post("/refresh").header(AUTHORIZATION, "Bearer stale")), 401, "INVALID_TOKEN",
                "the refresh token is invalid or expired");
        refusedWith(mvc.perform(post("/refresh").header(AUTHORIZATION, "Bearer suspended")), 403, "TENANT_SUSPENDED",
                "this tenant is suspended; contact the platform's administrators");
    }

    @Test
    void aJobIsOpenedOnAHostTheTenantMayUse() throws Exception {
        var session = ScanSession.open(ScanSessionId.issue(NOW, "aaaaaaaa"), tenant, new SessionOwner("key_app"), NOW);
        when(domains.mayUseHost(tenant, new HostName("scan.clinic.example"))).thenReturn(true);
        when(createSession.createScanSession(any())).thenReturn(new SessionCreation.Created(session));

        mvc.perform(post("/clientgeturl").header(AUTHORIZATION, apiKeyOf(tenant)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"host_name\":\"Scan.Clinic.Example\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.url").value("https://scan.clinic.example/scan?api_key=" + session.id().value()));
    }

    @Test
    void aHostTheTenantMayNotUseOpensNoJob() throws Exception {
        when(domains.mayUseHost(any(), any())).thenReturn(false);

        refusedWith(mvc.perform(post("/clientgeturl").header(AUTHORIZATION, apiKeyOf(tenant))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"host_name\":\"scan.other.example\"}")),
                400, "INVALID_HOST_NAME",
                "host_name must be the default scan host or a custom domain registered for your account");
        verify(createSession, never()).createScanSession(any());
    }

    @Test
    void spentScansAndTooManyOpenJobsAreRefusedInNervoscansWords() throws Exception {
        when(domains.mayUseHost(any(), any())).thenReturn(true);
        when(createSession.createScanSession(any()))
                .thenReturn(new SessionCreation.NoScansAvailable(50, NOW))
                .thenReturn(new SessionCreation.TooManyOpenSessions(3));
        var key = apiKeyOf(tenant);
        var body = "{\"host_name\":\"www.nervoscan.com\"}";

        refusedWith(mvc.perform(post("/clientgeturl").header(AUTHORIZATION, key).contentType(MediaType.APPLICATION_JSON)
                .content(body)), 402, "NO_SCANS_AVAILABLE", "No scans available!");
        refusedWith(mvc.perform(post("/clientgeturl").header(AUTHORIZATION, key).contentType(MediaType.APPLICATION_JSON)
                .content(body)), 429, "TOO_MANY_OPEN_JOBS", "Too many jobs are open; finish or let one expire first.");
    }

    @Test
    void anUnknownOrMalformedJobIsNotRegistered() throws Exception {
        when(getSession.getScanSession(any(), any())).thenReturn(Optional.empty());
        var key = apiKeyOf(tenant);
        var unknown = ScanSessionId.issue(NOW, "bbbbbbbb").value();

        refusedWith(mvc.perform(post("/check").header(AUTHORIZATION, key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"api_key\":\"" + unknown + "\"}")), 404, "JOB_NOT_REGISTERED",
                "The job is not registered or has expired");
        refusedWith(mvc.perform(post("/check").header(AUTHORIZATION, key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"api_key\":\"../etc\"}")), 404, "JOB_NOT_REGISTERED",
                "The job is not registered or has expired");
    }

    @Test
    void aCallWithoutAValidTokenIsRefusedInNervoscansShape() throws Exception {
        refusedWith(mvc.perform(post("/check").header(AUTHORIZATION, "Bearer not.a.jwt")), 401, "INVALID_TOKEN",
                "the access token is missing, invalid or expired");
        verify(getSession, never()).getScanSession(any(), any());
        verify(logIn, never()).logIn(any());
        verify(refresh, never()).refresh(anyString());
    }
}
