package io.rppg.bootstrap.edge;

import io.rppg.bootstrap.PlatformTest;
import io.rppg.bootstrap.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import java.util.List;

import static io.rppg.bootstrap.ErrorShapes.assertError;
import static io.rppg.bootstrap.ErrorShapes.codeOf;
import static io.rppg.bootstrap.ErrorShapes.messageOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any controller runs, by Tomcat (a header or request line over its limit, an encoded slash
 * or null character, a malformed percent sign) or by Spring Security's firewall (an encoded percent sign, a double
 * slash, a dot segment, a semicolon, a control character in a header), and parameters of the wrong type: each is
 * answered in the surface's JSON error shape with a request id and a plain message, never an HTML page.
 */
class RefusedRequestsTest extends PlatformTest {

    private String apiKey;

    @BeforeEach
    void tenant() {
        apiKey = new EdgeClient(port).tenantWithKey(10_000).apiKey();
    }

    @Test
    void whatTomcatRefusesIsAnsweredInTheSurfacesShape() {
        var big = "X-Big: " + "a".repeat(9000);
        assertRefused("/health", big);
        assertRefused("/v2/auth/login", big);
        assertRefused("/clientlogin", big);
        for (var target : List.of("/api/v1/scan-session/a%00b/vitals", "/api/v1/scan-session/a%2Fb/vitals",
                "/v2/sessions/a%2Fb", "/api/v2/a%00b", "/api/v1/scan-session/%ZZ/vitals",
                "/api/v1/scan-session/" + "a".repeat(100_000) + "/vitals",
                "/api/v1/scan-sessions?cursor=" + "a".repeat(100_000))) {
            assertRefused(target, "Authorization: Bearer " + apiKey);
        }
        // A request line too long to be read has no known path: still JSON with a request id, in the v1 shape.
        var unreadLine = RawHttp.get(port, "/v2/sessions?cursor=" + "a".repeat(100_000));
        assertThat(codeOf(assertError(unreadLine, "/unknown", 400))).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void whatTheFirewallRefusesIsAnsweredInTheSurfacesShapeWithAPlainMessage() {
        for (var target : List.of("/api/v1/scan-session/a%25b/vitals", "/api/v1//scan-sessions",
                "/api/v1/scan-sessions;x=1", "/api/v1/scan-session/%2e%2e/vitals",
                "/v2/sessions/../auth/login", "/api/v2//sessions")) {
            var body = assertRefused(target, "Authorization: Bearer " + apiKey);
            assertThat(codeOf(body)).as(target).isEqualTo("INVALID_REQUEST");
            assertThat(messageOf(body)).as(target).startsWith("the URL is not accepted")
                    .doesNotContain("malicious");
        }
        // A method no route knows is refused by the firewall too.
        var propfind = RawHttp.exchange(port, "PROPFIND", "/v2/auth/login", List.of(), new byte[0]);
        assertThat(codeOf(assertError(propfind, "/v2/auth/login", 405))).isEqualTo("METHOD_NOT_ALLOWED");
        // A header value the firewall refuses when a controller reads it (Nervoscan's refresh reads its own).
        var refresh = RawHttp.exchange(port, "POST", "/refresh", List.of("Authorization: Bearer a\u0085b"),
                new byte[0]);
        assertThat(codeOf(assertError(refresh, "/refresh", 400))).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void aParameterOfTheWrongTypeIsNamedInPlainWords() {
        for (var value : List.of("abc", "99999999999999", "1.5")) {
            var target = "/api/v1/scan-sessions?limit=" + value;
            var body = assertRefused(target, "Authorization: Bearer " + apiKey);
            assertThat(codeOf(body)).isEqualTo("INVALID_REQUEST");
            assertThat(messageOf(body)).isEqualTo("limit must be a whole number");
            assertThat(body.path("field").asString()).isEqualTo("limit");
        }
    }

    @Test
    void theErrorPageAnswersInTheShapeOfThePathItAnswersFor() {
        var direct = RawHttp.get(port, "/error");
        assertThat(codeOf(assertError(direct, "/error", 404))).isEqualTo("NOT_FOUND");
    }

    private JsonNode assertRefused(String target, String... headers) {
        return assertError(RawHttp.get(port, target, headers), target, 400);
    }
}
