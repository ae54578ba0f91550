package io.rppg.adapter.web.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An expected refusal inside a GraphQL operation: the field resolves to null and the response's {@code errors} carry
 * the v2 error code in {@code extensions.code}, with the v2 details beside it.
 */
final class GraphQlProblem extends RuntimeException {

    private final String code;
    private final ErrorClassification classification;
    private final Map<String, Object> details;

    GraphQlProblem(String code, String message, ErrorClassification classification, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.classification = classification;
        this.details = Map.copyOf(details);
    }

    static GraphQlProblem sessionNotFound(String id) {
        return new GraphQlProblem("SESSION_NOT_FOUND", "Session with ID '" + printable(id) + "' not found",
                org.springframework.graphql.execution.ErrorType.NOT_FOUND,
                Map.of("resource_type", "session", "resource_id", printable(id)));
    }

    static GraphQlProblem deviceNotFound(String id, java.util.List<String> available) {
        return new GraphQlProblem("DEVICE_NOT_FOUND", "Device with ID '" + printable(id) + "' not found",
                org.springframework.graphql.execution.ErrorType.NOT_FOUND,
                Map.of("resource_type", "device", "resource_id", printable(id), "available_devices", available));
    }

    static GraphQlProblem invalid(String field, String message) {
        return new GraphQlProblem("VALIDATION_ERROR", message, ErrorType.ValidationError, Map.of("field", field));
    }

    static GraphQlProblem forbidden(String message) {
        return new GraphQlProblem("INSUFFICIENT_PERMISSIONS", message,
                org.springframework.graphql.execution.ErrorType.FORBIDDEN, Map.of());
    }

    static GraphQlProblem conflict(String code, String message, Map<String, Object> details) {
        return new GraphQlProblem(code, message, org.springframework.graphql.execution.ErrorType.BAD_REQUEST, details);
    }

    String code() {
        return code;
    }

    ErrorClassification classification() {
        return classification;
    }

    Map<String, Object> extensions() {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("code", code);
        if (!details.isEmpty()) {
            extensions.put("details", details);
        }
        return extensions;
    }

    /** An id from the request as it may be repeated in an answer: short, and only characters ids are made of. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        var cleaned = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return cleaned.length() <= 80 ? cleaned : cleaned.substring(0, 80) + "...";
    }
}
