package io.rppg.adapter.web.v2;

import io.rppg.adapter.web.Routes;
import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.error.LoginErrors;
import io.rppg.application.port.in.LogInUseCase;
import io.rppg.application.port.in.LogInUseCase.Credentials;
import io.rppg.application.port.in.LogInUseCase.LoginOutcome;
import io.rppg.application.port.in.LogInUseCase.TokenPair;
import io.rppg.application.port.in.RefreshAccessTokenUseCase;
import io.rppg.application.port.in.RefreshAccessTokenUseCase.RefreshOutcome;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;

/**
 * The v2 platform's login, at {@code /v2/auth/...} and {@code /api/v2/auth/...}. Unlike Nervoscan it does not say
 * whether the email or the password was wrong.
 */
@RestController
class V2AuthController {

    private final LogInUseCase logIn;
    private final RefreshAccessTokenUseCase refresh;

    V2AuthController(LogInUseCase logIn, RefreshAccessTokenUseCase refresh) {
        this.logIn = logIn;
        this.refresh = refresh;
    }

    @PostMapping(value = {Routes.V2_LOGIN, Routes.API_V2_LOGIN}, produces = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse login(@RequestBody(required = false) LoginRequest request, HttpServletRequest http) {
        if (request == null || request.email() == null || request.email().isBlank() || request.password() == null) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
                    "email and password are required").withDetail("field", request == null || request.email() == null
                    || request.email().isBlank() ? "email" : "password"));
        }
        var outcome = logIn.logIn(new Credentials(request.email(), request.password(), http.getRemoteAddr()));
        return switch (outcome) {
            case LoginOutcome.LoggedIn(var user, var tokens) -> TokenResponse.of(tokens);
            case LoginOutcome.Throttled(var retryAfter) -> throw new ApiException(LoginErrors.throttled(retryAfter));
            case LoginOutcome.TenantSuspended() -> throw new ApiException(LoginErrors.suspended());
            // One answer for both, so that the v2 login does not tell which accounts exist.
            case LoginOutcome.UnknownUser unknown -> throw invalidCredentials();
            case LoginOutcome.WrongPassword wrong -> throw invalidCredentials();
        };
    }

    private static ApiException invalidCredentials() {
        return new ApiException(
                ApiError.of(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "the email or password is wrong"));
    }

    @PostMapping(value = {Routes.V2_REFRESH, Routes.API_V2_REFRESH}, produces = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse refresh(@RequestBody(required = false) RefreshRequest request) {
        if (request == null || request.refreshToken() == null || request.refreshToken().isBlank()) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
                    "refresh_token is required").withDetail("field", "refresh_token"));
        }
        var outcome = refresh.refresh(request.refreshToken());
        return switch (outcome) {
            case RefreshOutcome.Refreshed(var tokens) -> TokenResponse.of(tokens);
            case RefreshOutcome.Refusal refusal -> throw new ApiException(LoginErrors.refreshRefused(refusal));
        };
    }

    record LoginRequest(String email, String password) {
    }

    record RefreshRequest(String refreshToken) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
        static TokenResponse of(TokenPair tokens) {
            var seconds = Math.max(0, Duration.between(Instant.now(), tokens.accessTokenExpiresAt()).toSeconds());
            return new TokenResponse(tokens.accessToken(), "Bearer", seconds, tokens.refreshToken());
        }
    }
}
