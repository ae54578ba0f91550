package io.rppg.bootstrap.live;

import io.rppg.adapter.persistence.testsupport.TestDatabase;
import io.rppg.adapter.signal.fixture.SkinColourTrace;
import io.rppg.bootstrap.PlatformTest;
import io.rppg.bootstrap.RppgApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.rppg.bootstrap.JsonClient.body;
import static io.rppg.bootstrap.JsonClient.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two nodes on one database: a subscriber connected to the second node hears the windows and the end of a stream
 * fed through the first, carried by PostgreSQL's LISTEN/NOTIFY.
 */
class LiveFanOutTest extends PlatformTest {

    private static ConfigurableApplicationContext secondNode;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    private static int secondNodePort() {
        if (secondNode == null) {
            var arguments = new ArrayList<String>(List.of("--server.port=0"));
            TestDatabase.register("rppg.database", (name, value) -> arguments.add("--" + name + "=" + value.get()));
            secondNode = new SpringApplicationBuilder(RppgApplication.class).run(arguments.toArray(String[]::new));
        }
        return Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aSubscriberOnAnotherNodeHearsTheSameWindowsAndTheEnd() throws Exception {
        var otherPort = secondNodePort();
        var api = new LiveApi(port);
        var tenant = api.createTenant();
        var started = expect(api.postEmpty("/v2/streams", tenant.apiKey()), 201);
        var session = started.text("session_id");

        try (var phone = LiveSocket.connect(port, "/ws?token=" + tenant.apiKey());
             var remote = LiveSocket.connect(otherPort, "/ws?token=" + tenant.memberToken())) {
            phone.await("authenticated", Duration.ofSeconds(5));
            remote.await("authenticated", Duration.ofSeconds(5));
            remote.send(body("type", "subscribe", "topic", "vitals", "session_id", session));
            remote.await("subscribed", Duration.ofSeconds(5));

            phone.traceInRealTime(session, SkinColourTrace.of(84, 11.2, 30, 21));
            var window = remote.await("vitals", Duration.ofSeconds(2));
            assertThat(window.path("heart_rate").asDouble()).isCloseTo(84, within(3.0));

            // Stopped through the second node's REST API, which does not hold the stream: it says so.
            expect(new LiveApi(otherPort).postEmpty("/v2/streams/" + started.text("stream_id") + "/stop",
                    tenant.apiKey()), 409);
            expect(api.postEmpty("/v2/streams/" + started.text("stream_id") + "/stop", tenant.apiKey()), 200);
            var completed = remote.await("completed", Duration.ofSeconds(2));
            assertThat(completed.path("vitals").path("heart_rate").asDouble()).isCloseTo(84, within(1.0));

            var local = phone.received("vitals").stream().map(node -> node.path("t").asDouble() + "/"
                    + node.path("heart_rate").asDouble()).toList();
            var heardRemotely = remote.received("vitals").stream().map(node -> node.path("t").asDouble() + "/"
                    + node.path("heart_rate").asDouble()).toList();
            assertThat(heardRemotely).isEqualTo(local).isNotEmpty();
        }
    }
}
