package io.rppg.bootstrap.edge;

import io.rppg.bootstrap.PlatformTest;
import io.rppg.bootstrap.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Locale;
import java.util.TreeSet;

import static io.rppg.bootstrap.ErrorShapes.assertError;
import static io.rppg.bootstrap.ErrorShapes.codeOf;
import static io.rppg.bootstrap.edge.EdgeClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document lists every route of the platform's controllers, and it and its UI are open to all. */
class OpenApiCoverageTest extends PlatformTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    @Test
    void theDocumentListsEveryControllerRoute() {
        var response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        var paths = json(response).get("paths");

        var missing = new TreeSet<String>();
        var routes = 0;
        for (var entry : handlerMapping.getHandlerMethods().entrySet()) {
            // The error page stands in for any route that failed; it is no route of a surface.
            if (!entry.getValue().getBeanType().getPackageName().startsWith("io.rppg.adapter.web")
                    || ErrorController.class.isAssignableFrom(entry.getValue().getBeanType())) {
                continue;
            }
            var info = entry.getKey();
            var methods = info.getMethodsCondition().getMethods();
            assertThat(methods).as("HTTP methods of %s", info).isNotEmpty();
            for (var path : info.getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod method : methods) {
                    routes++;
                    var operation = paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(routes).as("routes found in the context").isGreaterThan(20);
        assertThat(missing).as("routes missing from /v3/api-docs").isEmpty();
        assertThat(paths.has("/error")).as("the error page is not documented").isFalse();
    }

    @Test
    void eachSurfaceHasItsGroupAndTheBearerSchemeIsDescribed() {
        var spec = json(get("/v3/api-docs"));
        assertThat(spec.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        // Every operation needs the bearer credential, except the public ones, which say so with an empty list.
        assertThat(spec.at("/security/0/bearer").isArray()).isTrue();
        assertThat(spec.at("/paths/~1api~1v1~1scan-session/post/security").isMissingNode()).isTrue();
        assertThat(spec.at("/paths/~1clientlogin/post/security").isArray()).isTrue();
        assertThat(spec.at("/paths/~1clientlogin/post/security").isEmpty()).isTrue();
        assertThat(spec.at("/paths/~1clientgeturl/post/responses/429/content/application~1json/schema/$ref")
                .asString()).endsWith("/NervoscanError");

        // Models are named as the JSON is written, in snake_case.
        assertThat(spec.at("/components/schemas/PlanRequest/properties").propertyNames())
                .contains("monthly_scans", "requests_per_minute").doesNotContain("monthlyScans");

        assertThat(json(get("/v3/api-docs/v1")).get("paths").propertyNames())
                .contains("/api/v1/scan-session").doesNotContain("/api/v1/admin/plans", "/clientlogin");
        assertThat(json(get("/v3/api-docs/nervoscan")).get("paths").propertyNames())
                .contains("/clientlogin", "/clientgeturl", "/check").doesNotContain("/api/v1/scan-session");
        assertThat(json(get("/v3/api-docs/v2")).get("paths").propertyNames())
                .contains("/v2/auth/login", "/api/v2/auth/login").doesNotContain("/clientlogin");
        assertThat(json(get("/v3/api-docs/admin")).get("paths").propertyNames())
                .contains("/api/v1/admin/plans").doesNotContain("/api/v1/scan-session");
    }

    @Test
    void anUnknownGroupIsNotFound() {
        var answer = RawHttp.get(port, "/v3/api-docs/nosuch");

        assertThat(codeOf(assertError(answer, "/v3/api-docs/nosuch", 404))).isEqualTo("NOT_FOUND");
    }

    @Test
    void theSwaggerUiIsOpen() {
        var response = send(java.net.http.HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("swagger");
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }
}
