package io.rppg.adapter.web.error;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * An error as every surface knows it: an HTTP status, a stable machine code, a message for people and optional
 * details (for example the field a validation error names).
 */
public record ApiError(HttpStatus status, String code, String message, Map<String, Object> details) {

    public ApiError {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ApiError of(HttpStatus status, String code, String message) {
        return new ApiError(status, code, message, Map.of());
    }

    public ApiError withDetail(String key, Object value) {
        var more = new java.util.LinkedHashMap<String, Object>(details);
        more.put(key, value);
        return new ApiError(status, code, message, more);
    }
}
