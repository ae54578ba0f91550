package io.rppg.adapter.web.error;

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

    public static ApiError suspended() {
        return ApiError.of(HttpStatus.FORBIDDEN, "TENANT_SUSPENDED",
                "this tenant is suspended; contact the platform's administrators");
    }
}
