package io.rppg.bootstrap.live;

import io.rppg.application.port.out.TransactionPort;
import io.rppg.bootstrap.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream whose node stopped: its lease, renewed by no one, is taken over by this node's sweep, which fails the
 * scan with the reason, gives the scan back and tells the subscribers. The node's death is played on the database:
 * the lease is handed to a node that renews nothing, last renewed long ago, exactly as a dead node leaves it.
 */
class LiveStreamNodeLossTest extends PlatformTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionPort transactions;

    private LiveApi api;

    @BeforeEach
    void client() {
        api = new LiveApi(port);
    }

    @Test
    void aStreamWhoseNodeStoppedIsFailedByAnotherNodesSweepWithTheReason() throws Exception {
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");
        try (var watcher = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey())) {
            watcher.await("authenticated", Duration.ofSeconds(5));
            watcher.send(body("type", "subscribe", "session_id", session));
            watcher.await("subscribed", Duration.ofSeconds(5));

            // The running node holds the stream's lease and keeps it renewed.
            assertThat(lease(session, "node")).startsWith("node_");
            int handedOver = transactions.inPlatformTransaction(() -> jdbc.update("UPDATE live_stream_leases "
                    + "SET node = 'node_stopped', renewed_at = now() - interval '10 minutes' WHERE session_id = ?",
                    session));
            assertThat(handedOver).isOne();

            // The sweep looks every 5 s for leases silent for 45 s.
            var failed = watcher.await("failed", Duration.ofSeconds(15));
            assertThat(failed.path("code").asString()).isEqualTo("PROCESSING_ERROR");
            assertThat(failed.path("error").asString()).contains("node stopped");
        }
        assertThat(expect(api.get("/api/v1/scan-session/" + session + "/vitals", tenant.apiKey()), 200)
                .text("status")).isEqualTo("failed");
        assertThat(transactions.inPlatformTransaction(() -> jdbc.queryForObject(
                "SELECT count(*) FROM live_stream_leases WHERE session_id = ?", Integer.class, session))).isZero();
        // The stream still held in this node's memory (the "dead" node's, played here) ends without undoing that.
        expect(api.postEmpty("/v2/streams/" + started.text("stream_id") + "/stop", tenant.apiKey()), 200);
        assertThat(expect(api.get("/api/v1/scan-session/" + session + "/vitals", tenant.apiKey()), 200)
                .text("status")).isEqualTo("failed");
    }

    private String lease(String session, String column) {
        return transactions.inPlatformTransaction(() -> jdbc.queryForObject(
                "SELECT " + column + " FROM live_stream_leases WHERE session_id = ?", String.class, session));
    }
}
