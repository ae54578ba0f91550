package io.rppg.bootstrap.edge;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static io.rppg.bootstrap.edge.EdgeClient.send;
import static org.assertj.core.api.Assertions.assertThat;

/** With {@code rppg.metrics.public=false} only platform administrators read the Prometheus metrics. */
@TestPropertySource(properties = "rppg.metrics.public=false")
class ProtectedMetricsTest extends PlatformTest {

    @Test
    void onlyPlatformAdministratorsReadTheMetrics() {
        var client = new EdgeClient(port);
        var tenant = client.tenantWithKey(1000);

        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(send(client.request("GET", "/actuator/prometheus", null, tenant.apiKey())).statusCode())
                .isEqualTo(403);
        var scrape = send(client.request("GET", "/actuator/prometheus", null, client.adminToken()));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
    }
}
