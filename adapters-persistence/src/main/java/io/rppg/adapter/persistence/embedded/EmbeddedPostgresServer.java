package io.rppg.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A real PostgreSQL server run from binaries shipped on the class path, for the default run and for tests on a
 * machine without a database. It keeps its data in the given directory, so a restart finds it again.
 *
 * <p>The platform connects as the role {@value #ROLE}, owner of the database {@value #DATABASE} but not a
 * superuser: row-level security does not hold for superusers.
 *
 * <p>The server lives no longer than the JVM that started it ({@link PostmasterWatchdog}), and a start stops a server
 * left behind on its directory by a node that died ({@link OrphanedPostmaster}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "rppg";
    public static final String ROLE = "rppg";

    private final EmbeddedPostgres postgres;
    private final Optional<PostmasterWatchdog> watchdog;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Optional<PostmasterWatchdog> watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
    }

    /**
     * Starts the server on a free local port.
     *
     * @param dataDirectory where the cluster lives; created by {@code initdb} when empty
     * @param fresh         wipe the directory first (tests) instead of keeping earlier data
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean fresh) {
        try {
            Files.createDirectories(dataDirectory);
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(fresh)
                    .setServerConfig("listen_addresses", "localhost")
                    // Runs after initdb and after the builder took the directory's lock, before the server starts:
                    // no live node owns the directory then, so a server still running on it is an orphan.
                    .setDataDirectoryCustomizer(dir -> OrphanedPostmaster.stopIfAny(dir.toPath()))
                    .start();
            var watchdog = PostmasterPidFile.in(dataDirectory).flatMap(pidFile -> PostmasterWatchdog.watch(pidFile.pid()));
            var server = new EmbeddedPostgresServer(postgres, watchdog);
            server.createApplicationDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return ROLE;
    }

    /** Local connections are trusted; the server listens on localhost only. */
    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    private void createApplicationDatabase() {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
             var statement = superuser.createStatement()) {
            try (var roles = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!roles.next()) {
                    statement.execute("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS");
                }
            }
            try (var databases = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!databases.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL database", e);
        }
    }

    @Override
    public void close() {
        watchdog.ifPresent(PostmasterWatchdog::close);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}
