package io.rppg.bootstrap.graphql;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.rppg.bootstrap.JsonClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects the GraphQL API and the database behind it: batch loading (a page of devices with their sessions
 * costs the same statements for 2 devices as for 8), and the hourly query allowance weighted by complexity.
 */
@Import(GraphQlProtectionTest.CountStatements.class)
@TestPropertySource(properties = "rppg.graphql.queries-per-window=12")
class GraphQlProtectionTest extends PlatformTest {

    /** Statements on the tables a devices-and-sessions page reads; not the tenant setting, auth or rate limits. */
    private static final Pattern SCAN_TABLES = Pattern.compile("(?i)\\b(scan_sessions|devices|scan_session_devices"
            + "|scan_session_tags|scan_metadata)\\b");

    private static final String DEVICES_PAGE = """
            { devices { id name status sessions(last: 5) { id status startTime tags device { id name }
              recordings { id duration } } } }""";

    @TestConfiguration
    static class CountStatements {
        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    @Autowired
    private StatementCounter counter;

    private GraphQlApi api;

    @BeforeEach
    void client() {
        api = new GraphQlApi(port);
    }

    @Test
    void aPageOfDevicesWithTheirSessionsRunsTheSameFewStatementsWhateverItsLength() {
        var small = tenantWithDevices(2, 2);
        var large = tenantWithDevices(8, 2);

        var forSmall = statementsOf(small);
        var forLarge = statementsOf(large);

        System.out.println("A devices page with sessions, tags and devices: " + forSmall.size()
                + " statements for 2 devices, " + forLarge.size() + " for 8: " + forLarge);
        assertThat(forSmall).as("statements for 2 devices").isNotEmpty().hasSizeLessThanOrEqualTo(6);
        assertThat(forLarge).as("statements for 8 devices: " + forLarge).hasSameSizeAs(forSmall);
    }

    @Test
    void theHourlyAllowanceCountsEachQueryByItsComplexity() {
        var tenant = api.createTenant();
        // The document's devices query is worth 5 queries (491 points, 100 a query): 12 allow two, then only small ones.
        assertThat(api.query(tenant.apiKey(), DocumentQueries.DEVICES_WITH_SESSIONS).json().has("errors")).isFalse();
        assertThat(api.query(tenant.apiKey(), DocumentQueries.DEVICES_WITH_SESSIONS).json().has("errors")).isFalse();
        var refused = api.query(tenant.apiKey(), DocumentQueries.DEVICES_WITH_SESSIONS);
        assertThat(refused.json().at("/errors/0/extensions/code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(refused.json().at("/errors/0/extensions/details/weight").asInt()).isEqualTo(5);
        long retryAfter = refused.json().at("/errors/0/extensions/details/retry_after").asLong();
        assertThat(retryAfter).isBetween(3000L, 3600L);
        assertThat(refused.header("Retry-After")).contains(Long.toString(retryAfter));
        assertThat(refused.json().at("/data").isNull() || refused.json().at("/data").isMissingNode()).isTrue();
        // Two queries' worth are left: a small query still runs, twice, and then no more.
        assertThat(api.query(tenant.apiKey(), "{ devices { id } }").json().has("errors")).isFalse();
        assertThat(api.query(tenant.apiKey(), "{ devices { id } }").json().has("errors")).isFalse();
        assertThat(api.query(tenant.apiKey(), "{ devices { id } }").json().at("/errors/0/extensions/code")
                .asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        // Another credential of the same tenant has its own allowance.
        assertThat(api.query(tenant.memberToken(), "{ devices { id } }").json().has("errors")).isFalse();
    }

    private List<String> statementsOf(GraphQlApi.Tenant tenant) {
        var answer = new java.util.concurrent.atomic.AtomicReference<GraphQlApi.Response>();
        var statements = counter.during(() -> answer.set(api.query(tenant.memberToken(), DEVICES_PAGE)),
                sql -> SCAN_TABLES.matcher(sql).find());
        var devices = answer.get().json().at("/data/devices");
        assertThat(answer.get().json().has("errors")).as(answer.get().toString()).isFalse();
        for (var device : devices) {
            assertThat(device.path("sessions")).hasSize(2);
            assertThat(device.at("/sessions/0/device/id").asString()).isEqualTo(device.path("id").asString());
            assertThat(device.at("/sessions/0/tags/0").asString()).isEqualTo("night");
        }
        return statements;
    }

    /**
     * A tenant with devices, each having streamed {@code sessionsEach} short (failed) scans, the latest tagged (one
     * mutation a device, within the admin's allowance of 12 queries).
     */
    private GraphQlApi.Tenant tenantWithDevices(int devices, int sessionsEach) {
        var tenant = api.createTenant();
        for (int d = 0; d < devices; d++) {
            var device = api.registerDevice(tenant, "Device " + d);
            for (int s = 0; s < sessionsEach; s++) {
                var started = expect(api.postEmpty("/v2/devices/" + device + "/stream/start", tenant.apiKey()), 201);
                expect(api.postEmpty("/v2/devices/" + device + "/stream/stop", tenant.apiKey()), 200);
                if (s < sessionsEach - 1) {
                    continue;
                }
                api.data(tenant.adminToken(), "mutation($id: ID!) { tagSession(id: $id, add: [\"night\"]) { id } }",
                        Map.of("id", started.text("session_id")));
            }
        }
        return tenant;
    }
}
