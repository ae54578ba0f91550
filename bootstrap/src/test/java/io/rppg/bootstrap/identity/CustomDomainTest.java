package io.rppg.bootstrap.identity;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.Test;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.random;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A custom domain belongs to one tenant. Another tenant asking for it gets exactly the answer a malformed host name
 * gets, so the refusal tells nothing of who holds it.
 */
class CustomDomainTest extends PlatformTest {

    @Test
    void anotherTenantsDomainIsRefusedExactlyAsAnInvalidHostName() {
        var api = new Api(port);
        var holder = api.createTenant();
        var asker = api.createTenant();
        var askerAdmin = api.createUser(asker, "tenant_admin");
        var token = api.logIn(askerAdmin.username(), askerAdmin.password()).access();
        var host = "scan-" + random() + ".clinic.example";
        assertThat(api.post("/api/v1/admin/tenants/" + holder + "/domains", api.adminToken(), body("host_name", host))
                .status()).isEqualTo(201);

        var taken = api.post("/api/v1/admin/tenants/" + asker + "/domains", token, body("host_name", host));
        var invalid = api.post("/api/v1/admin/tenants/" + asker + "/domains", token, body("host_name", "not a host"));

        assertThat(taken.status()).as(taken.toString()).isEqualTo(400);
        assertThat(invalid.status()).isEqualTo(400);
        var takenBody = taken.json().deepCopy();
        var invalidBody = invalid.json().deepCopy();
        ((tools.jackson.databind.node.ObjectNode) takenBody).remove("request_id");
        ((tools.jackson.databind.node.ObjectNode) invalidBody).remove("request_id");
        assertThat(takenBody).isEqualTo(invalidBody);
        assertThat(taken.body()).doesNotContain(holder).doesNotContainIgnoringCase("tenant");
        assertThat(api.get("/api/v1/admin/tenants/" + asker + "/domains", token).body()).doesNotContain(host);
    }
}
