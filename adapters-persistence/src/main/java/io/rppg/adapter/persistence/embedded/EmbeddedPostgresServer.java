package io.rppg.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;

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
 * superuser: row-level security does not hold for superusers. Every role needs its password (see
 * {@link ClientAuthentication}); the passwords are kept in the file {@value EmbeddedCredentials#FILE_NAME} of the data
 * directory.
 *
 * <p>The server lives no longer than the JVM that started it ({@link PostmasterWatchdog}), and a start stops a server
 * left behind on its directory by a node that died ({@link OrphanedPostmaster}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "rppg";
    public static final String ROLE = "rppg";
    public static final String SUPERUSER = "postgres";

    private static final String SCRAM = "scram-sha-256";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final EmbeddedCredentials credentials;
    private final Optional<PostmasterWatchdog> watchdog;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, EmbeddedCredentials credentials,
                                   Optional<PostmasterWatchdog> watchdog) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.credentials = credentials;
        this.watchdog = watchdog;
    }

    /**
     * Starts the server on a free local port.
     *
     * @param dataDirectory where the cluster lives; created by {@code initdb} when empty
     * @param fresh         wipe the directory first (tests) instead of keeping earlier data
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean fresh) {
        return start(dataDirectory, fresh, 0);
    }

    /**
     * Starts the server on the given local port, or on a free one when it is 0: a server stopped and started again on
     * the same port is found again by the pools that used it.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean fresh, int port) {
        var directory = dataDirectory.toAbsolutePath();
        Path initialPassword = null;
        try {
            Files.createDirectories(directory);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(fresh)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "localhost");
            boolean newCluster = fresh || !Files.exists(directory.resolve("postgresql.conf"));
            var kept = newCluster ? Optional.<EmbeddedCredentials>empty() : EmbeddedCredentials.readFrom(directory);
            var credentials = kept.orElseGet(EmbeddedCredentials::generate);
            // A data directory without a password file was made by an earlier version, which trusted every local
            // caller: its superuser has no password yet, so it keeps that trust until the passwords are set.
            boolean upgrade = !newCluster && kept.isEmpty();
            if (newCluster) {
                initialPassword = EmbeddedCredentials.ownerOnlyFile(Path.of(System.getProperty("java.io.tmpdir")),
                        "rppg-initdb");
                Files.writeString(initialPassword, credentials.superuserPassword());
                // The builder passes each "locale" setting to initdb as --name=value; initdb sets the superuser's
                // password from this file, so the new cluster never runs without one.
                builder.setLocaleConfig("pwfile", initialPassword.toString());
            }
            builder.setConnectConfig("password", credentials.superuserPassword());
            // Runs after initdb and after the builder took the directory's lock, before the server starts: no live
            // node owns the directory then, so a server still running on it is an orphan.
            builder.setDataDirectoryCustomizer(dir -> {
                OrphanedPostmaster.stopIfAny(dir.toPath());
                if (!upgrade) {
                    credentials.writeTo(dir.toPath());
                    ClientAuthentication.requirePasswords(dir.toPath());
                }
            });
            var postgres = builder.start();
            var watchdog = PostmasterPidFile.in(directory).flatMap(pidFile -> PostmasterWatchdog.watch(pidFile.pid()));
            var server = new EmbeddedPostgresServer(postgres, directory, credentials, watchdog);
            try {
                server.prepare(upgrade);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        } finally {
            deleteQuietly(initialPassword);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return ROLE;
    }

    public String password() {
        return credentials.applicationPassword();
    }

    public int port() {
        return postgres.getPort();
    }

    /** The password file an operator hands to {@code psql} as {@code PGPASSFILE}. */
    public Path passwordFile() {
        return dataDirectory.resolve(EmbeddedCredentials.FILE_NAME);
    }

    /**
     * Gives the roles their passwords and creates the application's role and database when missing. An upgraded data
     * directory is closed to password-less callers only now, once its superuser has a password to log in with.
     */
    private void prepare(boolean upgrade) {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
             var statement = superuser.createStatement()) {
            var passwords = superuser.unwrap(PGConnection.class);
            if (upgrade) {
                passwords.alterUserPassword(SUPERUSER, credentials.superuserPassword().toCharArray(), SCRAM);
            }
            try (var roles = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!roles.next()) {
                    statement.execute("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS");
                }
            }
            // Every start: the role's password is the one in the password file, whatever happened before.
            passwords.alterUserPassword(ROLE, credentials.applicationPassword().toCharArray(), SCRAM);
            try (var databases = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!databases.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
                }
            }
            if (upgrade) {
                credentials.writeTo(dataDirectory);
                ClientAuthentication.requirePasswords(dataDirectory);
                statement.execute("SELECT pg_reload_conf()");
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

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file readable by its owner only; the operating system's cleanup takes it.
            }
        }
    }
}
