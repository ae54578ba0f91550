package io.rppg.bootstrap;

import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With no database configured the platform runs its own PostgreSQL, and what it stored is there after a restart. */
class EmbeddedDatabaseRestartTest {

    /** A whole platform starting in a JVM of its own, on a build machine that may be busy. */
    private static final Duration NODE_START = Duration.ofMinutes(5);
    /**
     * The watchdog polls once a second and a fast shutdown takes about a second more: 2-3 s on a quiet machine, 4 s
     * seen on a build machine with a load of 20, hence the margin.
     */
    private static final Duration ORPHAN_LIFETIME = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private Process node;

    @AfterEach
    void killNode() {
        if (node != null) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
    }

    @Test
    void dataSurvivesAStopAndAStart() {
        var plan = new Plan(new PlanId(UUID.randomUUID()), "kept-" + UUID.randomUUID(), 10, 60, 10, 100, false);

        try (var first = start()) {
            var transactions = first.getBean(TransactionPort.class);
            transactions.inPlatformTransaction(() -> first.getBean(PlanPort.class).save(plan));
        }
        try (var second = start()) {
            var transactions = second.getBean(TransactionPort.class);
            var found = transactions.inPlatformTransaction(() -> second.getBean(PlanPort.class).findById(plan.id()));
            assertThat(found).contains(plan);
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    /**
     * {@code kill -9} runs no shutdown hook: the node's PostgreSQL must still end within seconds, and the node must
     * start again on the same directory at the first try, with what it stored before.
     */
    @Test
    void aNodeKilledWithSigkillLeavesNoDatabaseBehindAndStartsAgainAtTheFirstTry() throws Exception {
        int port = freePort();
        node = startNode(port);
        var client = new NodeClient(port);
        var planName = "kept-" + UUID.randomUUID();
        var planId = JsonClient.expect(client.post("/api/v1/admin/plans", client.adminToken(),
                JsonClient.body("name", planName, "monthly_scans", 10)), 201).text("id");
        var postmaster = postmaster();

        node.destroyForcibly().waitFor();
        var killed = Instant.now();
        while (postmaster.isAlive()) {
            assertThat(Duration.between(killed, Instant.now()))
                    .as("time the killed node's PostgreSQL runs on").isLessThan(ORPHAN_LIFETIME);
            Thread.sleep(50);
        }
        System.err.println("The killed node's PostgreSQL ended after "
                + Duration.between(killed, Instant.now()).toMillis() + " ms");

        try (var restarted = start()) {
            var transactions = restarted.getBean(TransactionPort.class);
            var found = transactions.inPlatformTransaction(
                    () -> restarted.getBean(PlanPort.class).findById(PlanId.of(planId)));
            assertThat(found).map(Plan::name).contains(planName);
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments outrank the RPPG_* variables that application.yml reads.
        return new SpringApplicationBuilder(RppgApplication.class)
                .run("--rppg.data-dir=" + dataDir, "--rppg.database.url=", "--server.port=0");
    }

    /** The platform as an operator runs it, in a JVM of its own, on this test's data directory. */
    private Process startNode(int port) throws IOException, InterruptedException {
        var log = dataDir.resolve("node.log");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                RppgApplication.class.getName(), "--rppg.data-dir=" + dataDir, "--rppg.database.url=",
                "--server.port=" + port, "--server.address=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        var deadline = Instant.now().plus(NODE_START);
        while (true) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the node did not start:\n" + Files.readString(log));
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notListeningYet) {
                // The node is still starting.
            }
            Thread.sleep(500);
        }
    }

    private ProcessHandle postmaster() throws IOException {
        var pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class NodeClient extends JsonClient {
        NodeClient(int port) {
            super(port, Duration.ofSeconds(60));
        }
    }
}
