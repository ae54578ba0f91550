package io.rppg.bootstrap.edge;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static io.rppg.bootstrap.edge.EdgeClient.json;
import static io.rppg.bootstrap.edge.EdgeClient.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits over real HTTP, with windows of three seconds instead of a minute so that a spent allowance recovers
 * within the test.
 */
@TestPropertySource(properties = {
        "rppg.rate-limit.window=3s",
        "rppg.rate-limit.login-per-minute=4"})
class RateLimitTest extends PlatformTest {

    private static final Pattern REJECTIONS = Pattern.compile(
            "^rppg_rate_limit_rejections_total\\{([^}]*)}\\s+([0-9.Ee+-]+)$", Pattern.MULTILINE);

    private EdgeClient client;

    @BeforeEach
    void client() {
        client = new EdgeClient(port);
    }

    @Test
    void anAuthenticatedResponseCarriesTheLimitItsRemainderAndTheEndOfTheWindow() {
        var tenant = client.tenantWithKey(5);
        var before = Instant.now().getEpochSecond();

        var response = send(client.request("GET", "/api/v1/scan-session/no-such-session/vitals", null,
                tenant.apiKey()));

        var after = Instant.now().getEpochSecond();
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(header(response, "X-RateLimit-Limit")).isEqualTo("5");
        assertThat(header(response, "X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(Long.parseLong(header(response, "X-RateLimit-Reset"))).isBetween(before + 1, after + 4);
    }

    @Test
    void aSpentAllowanceIsRefusedWithRetryAfterAndTheV1BodyAndRecoversAfterTheWindow() {
        var tenant = client.tenantWithKey(3);

        var refused = untilRefused(() -> vitals(tenant.apiKey()), 404);

        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        var retryAfter = Long.parseLong(header(refused, "Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3L);
        assertThat(header(refused, "X-RateLimit-Limit")).isEqualTo("3");
        assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
        var body = json(refused);
        assertThat(body.get("detail").asString())
                .isEqualTo("Rate limit exceeded. Try again in " + retryAfter + " seconds.");
        assertThat(body.get("retry_after").asLong()).isEqualTo(retryAfter);
        assertThat(body.get("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(body.get("status").asInt()).isEqualTo(429);

        EdgeClient.sleepSeconds(retryAfter);
        var again = vitals(tenant.apiKey());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(header(again, "X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void eachSurfaceRefusesInItsOwnShape() {
        var tenant = client.tenantWithKey(1);
        var token = client.userToken(tenant.id(), "member");
        // The API key and the user's token are two credentials with an allowance each.
        var nervoscan = untilRefused(() -> send(client.request("POST", "/check", Map.of("api_key", "nope"),
                tenant.apiKey())), 404);
        var v2 = untilRefused(() -> send(client.request("GET", "/v2/no-such-route", null, token)), 404);

        assertThat(nervoscan.headers().firstValue("Retry-After")).isPresent();
        var nervoscanBody = json(nervoscan);
        assertThat(nervoscanBody.get("success").asBoolean()).isFalse();
        assertThat(nervoscanBody.at("/error/code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(nervoscanBody.at("/error/message").asString()).startsWith("Rate limit exceeded. Try again in ");

        assertThat(v2.headers().firstValue("Retry-After")).isPresent();
        var v2Body = json(v2);
        assertThat(v2Body.at("/error/code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(v2Body.at("/error/details/retry_after").asLong()).isPositive();
        assertThat(v2Body.at("/error/request_id").asString()).isNotBlank();
    }

    @Test
    void loginsAreLimitedPerClientAddress() {
        // Other tests of this class log in from the same address; spend what is left of the window first.
        var first = wrongLogin("/v2/auth/login");
        assertThat(first.statusCode()).isIn(401, 429);
        assertThat(header(first, "X-RateLimit-Limit")).isEqualTo("4");
        var response = untilRefused(() -> wrongLogin("/v2/auth/login"), 401);
        assertThat(json(response).at("/error/code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        // The address is limited on every login endpoint, in each one's shape.
        var nervoscan = untilRefused(() -> send(client.request("POST", "/clientlogin",
                Map.of("username", "nobody-" + UUID.randomUUID() + "@clinic.test", "password", "wrong"), null)), 401);
        assertThat(json(nervoscan).get("success").asBoolean(true)).isFalse();
        assertThat(json(nervoscan).at("/error/code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");

        EdgeClient.sleepSeconds(Long.parseLong(header(response, "Retry-After")));
        assertThat(wrongLogin("/api/v2/auth/login").statusCode()).isEqualTo(401);
    }

    @Test
    void rejectionsAreCountedPerSurfaceInPrometheus() {
        var before = rejections("v1");
        var tenant = client.tenantWithKey(1);

        untilRefused(() -> vitals(tenant.apiKey()), 404);

        assertThat(rejections("v1")).isEqualTo(before + 1);
    }

    private double rejections(String surface) {
        var scrape = get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        var matcher = REJECTIONS.matcher(scrape.body());
        double total = 0;
        while (matcher.find()) {
            if (matcher.group(1).contains("surface=\"" + surface + "\"")) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    /**
     * Calls until refused. The windows are short and this machine may be slow, so a window can end before a test
     * has spent it; counting the calls exactly is the unit tests' work.
     */
    private static HttpResponse<String> untilRefused(Supplier<HttpResponse<String>> call, int statusBefore) {
        for (int attempt = 0; attempt < 20; attempt++) {
            var response = call.get();
            if (response.statusCode() == 429) {
                return response;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(statusBefore);
        }
        throw new AssertionError("never refused");
    }

    private HttpResponse<String> vitals(String apiKey) {
        return send(client.request("GET", "/api/v1/scan-session/no-such-session/vitals", null, apiKey));
    }

    /** A wrong login under a name of its own, so that only the address's limit, not a name's throttle, refuses it. */
    private HttpResponse<String> wrongLogin(String path) {
        return send(client.request("POST", path, Map.of("email", "nobody-" + UUID.randomUUID() + "@clinic.test",
                "password", "wrong"), null));
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError("no " + name + " header in " + response.headers().map()));
    }
}
