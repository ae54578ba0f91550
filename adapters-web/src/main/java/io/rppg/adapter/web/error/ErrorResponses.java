package io.rppg.adapter.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one place that turns an {@link ApiError} into the body of the caller's surface. */
@Component
public class ErrorResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    public ResponseEntity<Object> entity(HttpServletRequest request, ApiError error) {
        var surface = ApiSurface.of(pathOf(request));
        var builder = ResponseEntity.status(error.status());
        retryAfter(error).ifPresent(seconds -> builder.header(HttpHeaders.RETRY_AFTER, seconds));
        return builder
                .contentType(surface == ApiSurface.V1 ? PROBLEM_JSON : MediaType.APPLICATION_JSON)
                .body(body(surface, error, RequestIds.of(request)));
    }

    /** For filters and security handlers, which answer before any controller runs. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        var surface = ApiSurface.of(pathOf(request));
        response.setStatus(error.status().value());
        response.setContentType((surface == ApiSurface.V1 ? PROBLEM_JSON : MediaType.APPLICATION_JSON).toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        retryAfter(error).ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
        response.getOutputStream().write(json.writeValueAsBytes(body(surface, error, RequestIds.of(request))));
    }

    /** A refusal that names its wait ({@code retry_after} seconds) also says it in the standard header. */
    private static java.util.Optional<String> retryAfter(ApiError error) {
        return java.util.Optional.ofNullable(error.details().get("retry_after")).map(Object::toString);
    }

    static Map<String, Object> body(ApiSurface surface, ApiError error, String requestId) {
        return switch (surface) {
            case V1 -> v1(error, requestId);
            case NERVOSCAN -> nervoscan(error);
            case V2 -> v2(error, requestId);
        };
    }

    private static Map<String, Object> v1(ApiError error, String requestId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", error.status().getReasonPhrase());
        body.put("status", error.status().value());
        body.put("detail", error.message());
        body.put("code", error.code());
        body.put("request_id", requestId);
        body.putAll(error.details());
        return body;
    }

    private static Map<String, Object> nervoscan(ApiError error) {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("code", error.code());
        inner.put("message", error.message());
        var body = new LinkedHashMap<String, Object>();
        body.put("success", false);
        body.put("error", inner);
        return body;
    }

    private static Map<String, Object> v2(ApiError error, String requestId) {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("code", error.code());
        inner.put("message", error.message());
        inner.put("details", error.details());
        inner.put("request_id", requestId);
        inner.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return Map.of("error", inner);
    }

    /** The path the caller asked for, also when the error page answers for it. */
    private static String pathOf(HttpServletRequest request) {
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original : request.getRequestURI();
        var context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
