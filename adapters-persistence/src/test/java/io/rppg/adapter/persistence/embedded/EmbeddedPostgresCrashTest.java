package io.rppg.adapter.persistence.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node killed with SIGKILL runs no shutdown hook. Its embedded PostgreSQL must not run on without it, and the next
 * start on the same data directory must come up at the first try, even when that server was left running.
 * Each node here is a JVM of its own ({@link EmbeddedPostgresNode}), killed as {@code kill -9} would.
 */
class EmbeddedPostgresCrashTest {

    /**
     * The watchdog polls once a second and a fast shutdown takes about a second more: 2-3 s on a quiet machine, 4 s
     * seen on a build machine with a load of 20, hence the margin.
     */
    private static final Duration ORPHAN_LIFETIME = Duration.ofSeconds(10);
    private static final Duration NODE_START = Duration.ofSeconds(90);

    @TempDir
    Path workDir;

    private final List<Process> nodes = new ArrayList<>();
    private final List<EmbeddedPostgresServer> servers = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        servers.forEach(EmbeddedPostgresServer::close);
        for (var node : nodes) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
    }

    @Test
    void theServerOfAKilledNodeStopsWithinSeconds() throws Exception {
        var dataDir = workDir.resolve("postgres");
        var node = startNode(dataDir);
        var postmaster = postmasterOf(dataDir);
        assertThat(postmaster.isAlive()).isTrue();

        node.destroyForcibly().waitFor();
        var killed = Instant.now();
        awaitEnd(postmaster, ORPHAN_LIFETIME);

        System.err.println("Embedded PostgreSQL ended " + Duration.between(killed, Instant.now()).toMillis()
                + " ms after its node was killed");
        var restarted = start(dataDir);
        assertThat(selectOne(restarted)).isEqualTo(1);
    }

    @Test
    void aStartAfterACrashStopsTheServerLeftRunningAndComesUp() throws Exception {
        var dataDir = workDir.resolve("postgres");
        var node = startNode(dataDir);
        var orphan = postmasterOf(dataDir);
        // The watchdog goes with the node: the server is left running as it was before there was one.
        node.descendants().filter(process -> !isPostgres(process)).forEach(ProcessHandle::destroyForcibly);
        node.destroyForcibly().waitFor();
        Thread.sleep(1500);
        assertThat(orphan.isAlive()).as("the server left running by the killed node").isTrue();

        var restarted = start(dataDir);

        assertThat(orphan.isAlive()).isFalse();
        assertThat(selectOne(restarted)).isEqualTo(1);
        assertThat(postmasterOf(dataDir).pid()).isNotEqualTo(orphan.pid());
    }

    @Test
    void theServerOfANodeStillRunningIsNotTakenOver() throws Exception {
        var dataDir = workDir.resolve("postgres");
        startNode(dataDir);
        var running = postmasterOf(dataDir);

        assertThatThrownBy(() -> start(dataDir)).isInstanceOf(RuntimeException.class);

        assertThat(running.isAlive()).isTrue();
    }

    private EmbeddedPostgresServer start(Path dataDir) {
        var server = EmbeddedPostgresServer.start(dataDir, false);
        servers.add(server);
        return server;
    }

    private Process startNode(Path dataDir) throws IOException, InterruptedException {
        var log = Files.createTempFile(workDir, "node", ".log");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var node = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresNode.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        nodes.add(node);
        var deadline = Instant.now().plus(NODE_START);
        while (!Files.readString(log).contains(EmbeddedPostgresNode.READY)) {
            if (!node.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the node did not start its database:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return node;
    }

    private static ProcessHandle postmasterOf(Path dataDir) {
        var pidFile = PostmasterPidFile.in(dataDir).orElseThrow();
        return ProcessHandle.of(pidFile.pid()).orElseThrow();
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
    }

    private static void awaitEnd(ProcessHandle process, Duration patience) throws InterruptedException {
        var deadline = Instant.now().plus(patience);
        while (process.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("process " + process.pid() + " still runs after " + patience);
            }
            Thread.sleep(50);
        }
    }

    private static int selectOne(EmbeddedPostgresServer server) throws SQLException {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var rows = connection.createStatement().executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
