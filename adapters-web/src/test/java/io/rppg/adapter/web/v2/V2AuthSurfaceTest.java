package io.rppg.adapter.web.v2;

import io.rppg.adapter.web.WebSliceTest;
import io.rppg.application.port.in.LogInUseCase.LoginOutcome;
import io.rppg.application.port.in.LogInUseCase.TokenPair;
import io.rppg.application.port.in.RefreshAccessTokenUseCase.RefreshOutcome;
import io.rppg.domain.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The v2 login and refresh: tokens as OAuth clients read them, refusals in {error: {code, message, ...}}. */
class V2AuthSurfaceTest extends WebSliceTest {

    private static final String CREDENTIALS = "{\"email\":\"jane@clinic.example\",\"password\":\"secret password\"}";

    private ResultActions logIn(String path, LoginOutcome outcome) throws Exception {
        when(logIn.logIn(any())).thenReturn(outcome);
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(CREDENTIALS));
    }

    private static void refusedWith(ResultActions response, int status, String code, String message) throws Exception {
        response.andExpect(status().is(status))
                .andExpect(jsonPath("$.error.code").value(code))
                .andExpect(jsonPath("$.error.message").value(message))
                .andExpect(jsonPath("$.error.request_id").isNotEmpty())
                .andExpect(jsonPath("$.error.timestamp").isNotEmpty())
                .andExpect(jsonPath("$.error.details").isMap());
    }

    @Test
    void aLoginAnswersWithBearerTokensOnBothPaths() throws Exception {
        var tokens = new TokenPair("access.jwt", Instant.now().plus(Duration.ofMinutes(15)), "refresh-secret");
        var jane = user(Role.MEMBER, Optional.of(newTenantId()));

        for (var path : new String[] {"/v2/auth/login", "/api/v2/auth/login"}) {
            logIn(path, new LoginOutcome.LoggedIn(jane, tokens))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.access_token").value("access.jwt"))
                    .andExpect(jsonPath("$.token_type").value("Bearer"))
                    .andExpect(jsonPath("$.expires_in").value(org.hamcrest.Matchers.both(
                            org.hamcrest.Matchers.greaterThan(890)).and(org.hamcrest.Matchers.lessThanOrEqualTo(900))))
                    .andExpect(jsonPath("$.refresh_token").value("refresh-secret"));
        }
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() throws Exception {
        refusedWith(logIn("/v2/auth/login", new LoginOutcome.UnknownUser()), 401, "INVALID_CREDENTIALS",
                "the email or password is wrong");
        refusedWith(logIn("/v2/auth/login", new LoginOutcome.WrongPassword()), 401, "INVALID_CREDENTIALS",
                "the email or password is wrong");
    }

    @Test
    void aThrottledLoginCarriesItsWaitInTheDetailsAndTheHeader() throws Exception {
        var response = logIn("/v2/auth/login", new LoginOutcome.Throttled(Duration.ofSeconds(4)));

        refusedWith(response, 429, "TOO_MANY_ATTEMPTS", "Too many failed logins. Try again in 4 seconds.");
        response.andExpect(jsonPath("$.error.details.retry_after").value(4))
                .andExpect(header().string("Retry-After", "4"));
    }

    @Test
    void aSuspendedTenantsUserIsForbidden() throws Exception {
        refusedWith(logIn("/v2/auth/login", new LoginOutcome.TenantSuspended()), 403, "TENANT_SUSPENDED",
                "this tenant is suspended; contact the platform's administrators");
    }

    @Test
    void aMissingEmailOrPasswordIsAValidationErrorNamingTheField() throws Exception {
        refusedWith(mvc.perform(post("/v2/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"secret password\"}")), 400, "VALIDATION_ERROR", "email and password are required");
        mvc.perform(post("/v2/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"jane@clinic.example\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.details.field").value("password"));
        mvc.perform(post("/v2/auth/login").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("MALFORMED_REQUEST"));
        verify(logIn, never()).logIn(any());
    }

    @Test
    void aRefreshRotatesTheTokensAndEachRefusalHasItsCode() throws Exception {
        when(refresh.refresh("good")).thenReturn(new RefreshOutcome.Refreshed(
                new TokenPair("new.jwt", Instant.now().plusSeconds(900), "next-refresh")));
        when(refresh.refresh("replayed")).thenReturn(new RefreshOutcome.ReuseDetected());
        when(refresh.refresh("suspended")).thenReturn(new RefreshOutcome.TenantSuspended());

        mvc.perform(post("/v2/auth/refresh").contentType(MediaType.APPLICATION_JSON).content("{\"refresh_token\":\"good\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.access_token").value("new.jwt"))
                .andExpect(jsonPath("$.refresh_token").value("next-refresh"));
        refusedWith(mvc.perform(post("/v2/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refresh_token\":\"replayed\"}")), 401, "INVALID_TOKEN",
                "the refresh token was already used; log in again");
        refusedWith(mvc.perform(post("/api/v2/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refresh_token\":\"suspended\"}")), 403, "TENANT_SUSPENDED",
                "this tenant is suspended; contact the platform's administrators");
        mvc.perform(post("/v2/auth/refresh").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("VALIDATION_ERROR"))
                .andExpect(jsonPath("$.error.details.field").value("refresh_token"));
    }
}
