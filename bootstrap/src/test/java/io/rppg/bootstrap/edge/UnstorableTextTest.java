package io.rppg.bootstrap.edge;

import io.rppg.bootstrap.JsonClient;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.rppg.bootstrap.ErrorShapes.assertError;
import static io.rppg.bootstrap.ErrorShapes.codeOf;
import static io.rppg.bootstrap.ErrorShapes.messageOf;
import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static io.rppg.bootstrap.JsonClient.random;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text PostgreSQL cannot store (a null character, a lone UTF-16 surrogate) is refused with the surface's 400 naming
 * its field, wherever it is sent: a login name, or any text the admin API would store. Before, each reached the
 * database and came back as a 500.
 */
class UnstorableTextTest extends PlatformTest {

    private static final String NUL = "\\u0000";
    private static final String LONE_SURROGATE = "\\ud800";

    private JsonClient client;

    @BeforeEach
    void client() {
        client = new JsonClient(port, Duration.ofSeconds(30)) {
        };
    }

    @Test
    void aLoginNameThatCannotBeStoredIsRefusedOnEachSurface() {
        for (var bad : List.of(NUL, LONE_SURROGATE)) {
            var nervoscan = client.post("/clientlogin", null, "{\"username\":\"gh" + bad + "ost\",\"password\":\"x\"}");
            var body = assertError(nervoscan, "/clientlogin", 400);
            assertThat(codeOf(body)).isEqualTo("INVALID_REQUEST");
            assertThat(messageOf(body)).contains("username");

            for (var path : List.of("/v2/auth/login", "/api/v2/auth/login")) {
                var v2 = client.post(path, null, "{\"email\":\"gh" + bad + "ost@clinic.test\",\"password\":\"x\"}");
                var error = assertError(v2, path, 400);
                assertThat(codeOf(error)).isEqualTo("VALIDATION_ERROR");
                assertThat(error.at("/error/details/field").asString()).isEqualTo("email");
            }
        }
    }

    @Test
    void everyTextTheAdminApiStoresIsRefusedWhenItCannotBeStored() {
        var admin = client.adminToken();
        var plan = expect(client.post("/api/v1/admin/plans", admin, body("name", "plan-" + random(),
                "monthly_scans", 10)), 201).text("id");
        var tenant = expect(client.post("/api/v1/admin/tenants", admin, body("name", "tenant-" + random(),
                "plan_id", plan)), 201).text("id");
        var tenantPath = "/api/v1/admin/tenants/" + tenant;

        assertRefused("/api/v1/admin/plans", "{\"name\":\"basic" + NUL + "\",\"monthly_scans\":10}", "name");
        assertRefused("/api/v1/admin/tenants", "{\"name\":\"Clinic" + NUL + "\",\"plan_id\":\"" + plan + "\"}",
                "name");
        assertRefused("/api/v1/admin/tenants", "{\"name\":\"Clinic" + LONE_SURROGATE + "\",\"plan_id\":\"" + plan
                + "\"}", "name");
        assertRefused(tenantPath + "/users", "{\"username\":\"gh" + NUL + "ost\",\"email\":\"g@clinic.test\","
                + "\"password\":\"" + JsonClient.PASSWORD + "\"}", "username");
        assertRefused(tenantPath + "/users", "{\"username\":\"ghost-" + random() + "\",\"email\":\"g" + NUL
                + "@clinic.test\",\"password\":\"" + JsonClient.PASSWORD + "\"}", "email");
        assertRefused(tenantPath + "/api-keys", "{\"name\":\"mobile" + NUL + "app\"}", "name");
        assertRefused(tenantPath + "/webhooks", "{\"url\":\"https://hooks.clinic.test/" + NUL + "\","
                + "\"events\":[\"scan.completed\"]}", "url");
        assertRefused(tenantPath + "/webhooks", "{\"url\":\"https://hooks.clinic.test/\","
                + "\"events\":[\"scan.completed" + NUL + "\"]}", "events[0]");
        assertRefused(tenantPath + "/domains", "{\"host_name\":\"scan" + NUL + ".clinic.test\"}", "host_name");
        var patch = client.patch(tenantPath, admin, "{\"status\":\"active" + NUL + "\"}");
        assertThat(assertError(patch, tenantPath, 400).path("field").asString()).isEqualTo("status");

        // Nothing of it was kept.
        var users = expect(client.get(tenantPath + "/users", admin), 200).body();
        assertThat(users).doesNotContain("ghost");
    }

    private void assertRefused(String path, String json, String field) {
        var response = client.post(path, client.adminToken(), json);
        var body = assertError(response, path, 400);
        assertThat(codeOf(body)).as(response.toString()).isEqualTo("VALIDATION_ERROR");
        assertThat(body.path("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(messageOf(body)).as(response.toString()).startsWith(field + " holds ");
    }
}
