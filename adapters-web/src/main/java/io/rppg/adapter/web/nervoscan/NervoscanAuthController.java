package io.rppg.adapter.web.nervoscan;

import io.rppg.adapter.web.Routes;
import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.error.LoginErrors;
import io.rppg.application.port.in.LogInUseCase;
import io.rppg.application.port.in.LogInUseCase.Credentials;
import io.rppg.application.port.in.LogInUseCase.LoginOutcome;
import io.rppg.application.port.in.RefreshAccessTokenUseCase;
import io.rppg.application.port.in.RefreshAccessTokenUseCase.RefreshOutcome;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nervoscan's login: {@code POST /clientlogin} and {@code POST /refresh} (the refresh token travels as the bearer
 * credential). Errors use the codes Nervoscan clients know: {@code INVALID_USERNAME}, {@code INVALID_PASSWORD}.
 */
@RestController
class NervoscanAuthController {

    private final LogInUseCase logIn;
    private final RefreshAccessTokenUseCase refresh;

    NervoscanAuthController(LogInUseCase logIn, RefreshAccessTokenUseCase refresh) {
        this.logIn = logIn;
        this.refresh = refresh;
    }

    @PostMapping(value = Routes.NERVOSCAN_LOGIN, produces = MediaType.APPLICATION_JSON_VALUE)
    LoginResponse clientLogin(@RequestBody(required = false) LoginRequest request, HttpServletRequest http) {
        if (request == null || isBlank(request.username()) || request.password() == null) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                    "send a JSON body with username and password"));
        }
        var outcome = logIn.logIn(new Credentials(request.username(), request.password(), http.getRemoteAddr()));
        return switch (outcome) {
            case LoginOutcome.LoggedIn(var user, var tokens) ->
                    new LoginResponse(true, tokens.accessToken(), tokens.refreshToken());
            case LoginOutcome.UnknownUser() ->
                    throw new ApiException(ApiError.of(HttpStatus.UNAUTHORIZED, "INVALID_USERNAME", "Invalid username"));
            case LoginOutcome.WrongPassword() ->
                    throw new ApiException(ApiError.of(HttpStatus.UNAUTHORIZED, "INVALID_PASSWORD", "Invalid password"));
            case LoginOutcome.Throttled(var retryAfter) -> throw new ApiException(LoginErrors.throttled(retryAfter));
            case LoginOutcome.TenantSuspended() -> throw new ApiException(LoginErrors.suspended());
        };
    }

    @PostMapping(value = Routes.NERVOSCAN_REFRESH, produces = MediaType.APPLICATION_JSON_VALUE)
    RefreshResponse refresh(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(ApiError.of(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN",
                    "send the refresh token as Authorization: Bearer <refresh_token>"));
        }
        var outcome = refresh.refresh(authorization.substring(7).trim());
        return switch (outcome) {
            case RefreshOutcome.Refreshed(var tokens) ->
                    new RefreshResponse(true, tokens.accessToken(), tokens.refreshToken());
            case RefreshOutcome.Refusal refusal -> throw new ApiException(LoginErrors.refreshRefused(refusal));
        };
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    record LoginRequest(String username, String password) {
    }

    record LoginResponse(boolean success, String accessToken, String refreshToken) {
    }

    /** Nervoscan clients read {@code access_token}; the rotated refresh token is returned beside it. */
    record RefreshResponse(boolean success, String accessToken, String refreshToken) {
    }
}
