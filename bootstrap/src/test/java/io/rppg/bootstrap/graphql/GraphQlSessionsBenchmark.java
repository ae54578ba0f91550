package io.rppg.bootstrap.graphql;

import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL queries per second for the sessions page (the document's SearchSessions shape, 20 sessions with tags and
 * metadata), one client and four at once, over real HTTP on this machine. Runs only with {@code -Pbenchmark}.
 */
@Tag("benchmark")
@TestPropertySource(properties = "rppg.graphql.queries-per-window=10000000")
class GraphQlSessionsBenchmark extends PlatformTest {

    private static final String PAGE = """
            query SearchSessions($filters: SessionFilters) { sessions(filters: $filters, first: 20) { edges { node {
              id name startTime status tags metadata } } pageInfo { hasNextPage endCursor } } }""";
    private static final int WARM_UP = 200;
    private static final int QUERIES = 1000;

    @Test
    void sessionsPageQueriesPerSecond() throws Exception {
        var api = new GraphQlApi(port);
        var tenant = api.createTenant(1000, 1_000_000);
        for (int i = 0; i < 60; i++) {
            var id = api.data(tenant.apiKey(), "mutation { createSession { id } }", null).at("/createSession/id")
                    .asString();
            api.data(tenant.apiKey(), "mutation($id: ID!) { tagSession(id: $id, add: [\"bench\", \"t" + (i % 3)
                    + "\"]) { id } }", Map.of("id", id));
        }
        Map<String, Object> variables = Map.of("filters", Map.of());
        assertThat(api.data(tenant.apiKey(), PAGE, variables).at("/sessions/edges")).hasSize(20);
        for (int i = 0; i < WARM_UP; i++) {
            api.data(tenant.apiKey(), PAGE, variables);
        }

        var report = new StringBuilder("\n=== GraphQL sessions page benchmark (20 sessions with tags and metadata) ===\n");
        for (int clients : new int[]{1, 4}) {
            long start = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(clients)) {
                var done = new ArrayList<Future<?>>();
                for (int c = 0; c < clients; c++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < QUERIES / clients; i++) {
                            api.data(tenant.apiKey(), PAGE, variables);
                        }
                    }));
                }
                for (var future : done) {
                    future.get();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.append(String.format(Locale.ROOT, "%d client(s): %d queries in %.2f s = %.0f queries/s, "
                    + "%.1f ms each%n", clients, QUERIES, seconds, QUERIES / seconds, seconds * 1000 * clients / QUERIES));
        }
        System.out.println(report);
    }
}
