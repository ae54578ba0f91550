package io.rppg.bootstrap.edge;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static io.rppg.bootstrap.edge.EdgeClient.json;
import static io.rppg.bootstrap.edge.EdgeClient.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error leaves in its surface's shape, whoever raises it (a controller, Spring MVC or Spring Security): v1
 * and admin answer {@code application/problem+json}, Nervoscan {@code {success: false, error: {code, message}}},
 * v2 {@code {error: {code, message, details, request_id, timestamp}}}.
 */
class ErrorShapeTest extends PlatformTest {

    private EdgeClient client;
    private EdgeClient.Tenant tenant;

    @BeforeEach
    void tenant() {
        client = new EdgeClient(port);
        tenant = client.tenantWithKey(1000);
    }

    @Test
    void v1AndAdminAnswerProblemDetails() {
        var admin = client.adminToken();
        assertV1(send(raw("POST", "/api/v1/admin/plans", "application/json", "{not json", admin)), 400,
                "MALFORMED_REQUEST");
        var unauthenticated = send(client.request("GET", "/api/v1/scan-session/x/vitals", null, null));
        assertV1(unauthenticated, 401, "UNAUTHORIZED");
        assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Bearer"));
        assertV1(send(client.request("GET", "/api/v1/admin/plans", null, tenant.apiKey())), 403, "FORBIDDEN");
        assertV1(send(client.request("GET", "/api/v1/no-such-route", null, tenant.apiKey())), 404, "NOT_FOUND");
        assertV1(send(client.request("DELETE", "/api/v1/scan-session", null, tenant.apiKey())), 405,
                "METHOD_NOT_ALLOWED");
        assertV1(send(raw("POST", "/api/v1/admin/plans", "text/plain", "name=basic", admin)), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void nervoscanAnswersSuccessFalseWithAnErrorCode() {
        assertNervoscan(send(client.request("POST", "/clientlogin", Map.of(), null)), 400, "INVALID_REQUEST");
        assertNervoscan(send(client.request("POST", "/clientgeturl", Map.of("host_name", "www.nervoscan.com"), null)),
                401, "INVALID_TOKEN");
        assertNervoscan(send(client.request("POST", "/clientgeturl", Map.of("host_name", "www.nervoscan.com"),
                client.adminToken())), 403, "FORBIDDEN");
        assertNervoscan(send(client.request("POST", "/check", Map.of("api_key", "no-such-job"), tenant.apiKey())),
                404, "JOB_NOT_REGISTERED");
        assertNervoscan(send(client.request("GET", "/clientlogin", null, null)), 405, "METHOD_NOT_ALLOWED");
        assertNervoscan(send(client.request("GET", "/clientgeturl", null, tenant.apiKey())), 405,
                "METHOD_NOT_ALLOWED");
        // Nervoscan's clients know INVALID_CONTENT_TYPE for a request of the wrong shape (the guide's error codes).
        assertNervoscan(send(raw("POST", "/clientlogin", "text/plain", "user=a", null)), 415,
                "INVALID_CONTENT_TYPE");
    }

    @Test
    void v2AnswersAStructuredError() {
        var token = client.userToken(tenant.id(), "member");
        assertV2(send(client.request("POST", "/v2/auth/login", Map.of(), null)), 400, "VALIDATION_ERROR");
        assertV2(send(client.request("GET", "/v2/sessions", null, null)), 401, "INVALID_TOKEN");
        assertV2(send(client.request("GET", "/api/v2/no-such-route", null, token)), 404, "NOT_FOUND");
        assertV2(send(client.request("GET", "/v2/auth/login", null, null)), 405, "METHOD_NOT_ALLOWED");
        assertV2(send(raw("POST", "/v2/auth/login", "text/plain", "email=a", null)), 415, "UNSUPPORTED_MEDIA_TYPE");

        var suspended = client.tenantWithKey(1000);
        client.admin("PATCH", "/api/v1/admin/tenants/" + suspended.id(), Map.of("status", "suspended"), 200);
        assertV2(send(client.request("GET", "/v2/sessions", null, suspended.apiKey())), 403, "TENANT_SUSPENDED");
    }

    private static JsonNode assertV1(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        var body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("request_id").asString()).isEqualTo(response.headers().firstValue("X-Request-Id")
                .orElseThrow());
        return body;
    }

    private static void assertNervoscan(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        var body = json(response);
        assertThat(body.get("success").asBoolean(true)).isFalse();
        assertThat(body.at("/error/code").asString()).isEqualTo(code);
        assertThat(body.at("/error/message").asString()).isNotBlank();
    }

    private static void assertV2(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        var error = json(response).get("error");
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("details").isObject()).isTrue();
        assertThat(error.get("request_id").asString()).startsWith("req_");
        assertThat(error.get("timestamp").asString()).isNotBlank();
    }

    private HttpRequest raw(String method, String path, String contentType, String body, String bearer) {
        var builder = HttpRequest.newBuilder(client.uri(path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }
}
