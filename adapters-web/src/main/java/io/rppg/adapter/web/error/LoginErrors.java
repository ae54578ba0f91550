package io.rppg.adapter.web.error;

import io.rppg.application.port.in.RefreshAccessTokenUseCase.RefreshOutcome;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** Login refusals shared by the surfaces' login endpoints. */
public final class LoginErrors {

    private LoginErrors() {
    }

    public static ApiError throttled(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                        "Too many failed logins. Try again in " + seconds + " seconds.")
                .withDetail("retry_after", seconds);
    }

    /** Why a refresh token bought no new tokens. */
    public static ApiError refreshRefused(RefreshOutcome.Refusal refusal) {
        return switch (refusal) {
            case RefreshOutcome.TenantSuspended() -> suspended();
            case RefreshOutcome.ReuseDetected() -> ApiError.of(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN",
                    "the refresh token was already used; log in again");
            case RefreshOutcome.Rejected() -> ApiError.of(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN",
                    "the refresh token is invalid or expired");
        };
    }

    public static ApiError suspended() {
        return ApiError.of(HttpStatus.FORBIDDEN, "TENANT_SUSPENDED",
                "this tenant is suspended; contact the platform's administrators");
    }
}
