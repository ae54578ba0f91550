package io.rppg.adapter.web.admin;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.domain.tenant.TenantId;
import org.springframework.http.HttpStatus;

import java.util.UUID;
import java.util.function.Function;

/** Turns administrative outcomes into responses, and refusals into the v1 error shape. */
final class AdminResponses {

    private AdminResponses() {
    }

    static Actor actor(Caller caller) {
        return caller.asActor().orElseThrow(() -> new ApiException(ApiError.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                "administration needs a user's access token, not an API key")));
    }

    static <T> T unwrap(AdminOutcome<T> outcome) {
        return switch (outcome) {
            case AdminOutcome.Done<T>(var value) -> value;
            case AdminOutcome.Forbidden<T>(var reason) ->
                    throw new ApiException(ApiError.of(HttpStatus.FORBIDDEN, "FORBIDDEN", reason));
            case AdminOutcome.NotFound<T>(var what) -> throw notFound(what);
            case AdminOutcome.Conflict<T>(var code, var message) ->
                    throw new ApiException(ApiError.of(HttpStatus.CONFLICT, code, message));
            case AdminOutcome.Invalid<T>(var field, var message) -> throw new ApiException(
                    ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", message).withDetail("field", field));
        };
    }

    static <T, R> R unwrap(AdminOutcome<T> outcome, Function<T, R> view) {
        return view.apply(unwrap(outcome));
    }

    /** A malformed id in a path names nothing that exists: 404, like any other missing resource. */
    static UUID pathId(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw notFound(what);
        }
    }

    /** The tenant named in a path; a malformed id is an unknown tenant. */
    static TenantId tenantId(String text) {
        return new TenantId(pathId(text, "tenant"));
    }

    static ApiException notFound(String what) {
        return new ApiException(ApiError.of(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found"));
    }

    static ApiException missingField(String field) {
        return new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", field + " is required")
                .withDetail("field", field));
    }
}
