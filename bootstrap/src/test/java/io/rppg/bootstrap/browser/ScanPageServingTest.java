package io.rppg.bootstrap.browser;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page and the SDK are served without a credential, under a policy that lets them load and call this origin
 * only; the API behind them stays closed to anyone without one. Plain HTTP: runs with or without a browser.
 */
class ScanPageServingTest extends PlatformTest {

    @Test
    void thePageIsServedWithItsContentSecurityPolicy() {
        var page = get("/app/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
        var policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValue("camera=(self), microphone=(), geolocation=()");
    }

    @Test
    void theBarePathRedirectsToThePage() {
        var response = get("/app");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/app/");
    }

    @Test
    void theSdkIsAModuleWithItsTypes() {
        var sdk = get("/sdk/rppg.js");
        var types = get("/sdk/rppg.d.ts");

        assertThat(sdk.statusCode()).isEqualTo(200);
        assertThat(sdk.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(sdk.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(sdk.body()).contains("export class RppgClient");
        assertThat(types.statusCode()).isEqualTo(200);
        assertThat(types.body()).contains("export class RppgClient");
    }

    @Test
    void everyFileThePageLoadsIsServed() {
        for (var path : new String[]{"/app/app.js", "/app/app.css", "/app/charts.js"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theApiBehindThePageStillNeedsACredential() {
        var listing = get("/api/v1/scan-sessions");
        var missing = get("/app/no-such-file.js");

        assertThat(listing.statusCode()).isEqualTo(401);
        assertThat(listing.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void thePageTakesNoCredentialButIgnoresAWrongOne() {
        var response = send(HttpRequest.newBuilder(uri("/app/")).header("Authorization", "Bearer forged").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
