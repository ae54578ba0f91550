package io.rppg.bootstrap;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every error answer must be, whoever refused the request (Tomcat, the firewall, security, Spring MVC, a
 * controller): the error shape of the surface the path belongs to, a request id in {@code X-Request-Id} (and in
 * the body where the surface carries one), and a message in plain words, with no Java class or parser text.
 */
public final class ErrorShapes {

    private static final List<String> NERVOSCAN = List.of("/clientlogin", "/refresh", "/clientgeturl", "/submitscan",
            "/check", "/getcustomerinfo");
    /** Words of the machinery that a client's message must not carry. */
    private static final List<String> MACHINERY = List.of("java.", "Exception", "Failed to convert", "<html",
            "jackson", "Tomcat", "org.springframework");

    private ErrorShapes() {
    }

    public enum Surface { V1, NERVOSCAN, V2 }

    public static Surface surfaceOf(String target) {
        var path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (NERVOSCAN.contains(path)) {
            return Surface.NERVOSCAN;
        }
        if (path.equals("/v2") || path.startsWith("/v2/") || path.equals("/api/v2") || path.startsWith("/api/v2/")) {
            return Surface.V2;
        }
        return Surface.V1;
    }

    public static JsonNode assertError(JsonClient.Response response, String target, int status) {
        return assertError(target, response.status(), response.header("Content-Type"), response.header("X-Request-Id"),
                response.body(), status);
    }

    public static JsonNode assertError(RawHttp.Answer answer, String target, int status) {
        return assertError(target, answer.status(), answer.header("Content-Type"), answer.header("X-Request-Id"),
                answer.body(), status);
    }

    /** {@code expectedStatus} 0: any client error (4xx). */
    public static JsonNode assertError(String target, int status, Optional<String> contentType,
                                       Optional<String> requestIdHeader, String body, int expectedStatus) {
        var what = status + " for " + abbreviated(target) + ": " + abbreviated(body);
        if (expectedStatus == 0) {
            assertThat(status).as(what).isBetween(400, 499);
        } else {
            assertThat(status).as(what).isEqualTo(expectedStatus);
        }
        assertThat(requestIdHeader).as("X-Request-Id of " + what).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        JsonNode json;
        try {
            json = JsonClient.JSON.readTree(body);
        } catch (RuntimeException notJson) {
            throw new AssertionError("not a JSON error body: " + what);
        }
        var surface = surfaceOf(target);
        String message;
        switch (surface) {
            case V1 -> {
                assertThat(contentType).as(what).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
                assertThat(json.path("status").asInt()).as(what).isEqualTo(status);
                assertThat(json.path("code").asString("")).as(what).isNotBlank();
                assertThat(json.path("title").asString("")).as(what).isNotBlank();
                assertThat(json.path("request_id").asString("")).as(what).isEqualTo(requestIdHeader.orElseThrow());
                message = json.path("detail").asString("");
            }
            case NERVOSCAN -> {
                assertThat(contentType).as(what).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/json"));
                assertThat(json.path("success").isBoolean()).as(what).isTrue();
                assertThat(json.path("success").asBoolean(true)).as(what).isFalse();
                assertThat(json.at("/error/code").asString("")).as(what).isNotBlank();
                message = json.at("/error/message").asString("");
            }
            case V2 -> {
                assertThat(contentType).as(what).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/json"));
                var error = json.path("error");
                assertThat(error.path("code").asString("")).as(what).isNotBlank();
                assertThat(error.path("details").isObject()).as(what).isTrue();
                assertThat(error.path("request_id").asString("")).as(what).isEqualTo(requestIdHeader.orElseThrow());
                assertThat(error.path("timestamp").asString("")).as(what).isNotBlank();
                message = error.path("message").asString("");
            }
            default -> throw new IllegalStateException();
        }
        assertThat(message).as(what).isNotBlank();
        for (var word : MACHINERY) {
            assertThat(message).as(what).doesNotContainIgnoringCase(word);
        }
        return json;
    }

    /** The code of an error answer, whatever its surface. */
    public static String codeOf(JsonNode body) {
        return body.has("code") ? body.path("code").asString() : body.at("/error/code").asString();
    }

    /** The message of an error answer, whatever its surface. */
    public static String messageOf(JsonNode body) {
        return body.has("detail") ? body.path("detail").asString() : body.at("/error/message").asString();
    }

    static String abbreviated(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
