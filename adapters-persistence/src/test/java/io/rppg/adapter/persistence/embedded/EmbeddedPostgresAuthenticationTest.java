package io.rppg.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nobody on the machine gets into the embedded PostgreSQL without a password, as a superuser or otherwise; the
 * passwords are in a file only its owner reads, and data directories of earlier versions, which trusted every local
 * caller, are closed on their next start.
 */
class EmbeddedPostgresAuthenticationTest {

    private static final String SUPERUSER = EmbeddedPostgresServer.SUPERUSER;
    private static final String ROLE = EmbeddedPostgresServer.ROLE;

    @TempDir
    Path workDir;

    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (var server : servers) {
            server.close();
        }
    }

    @Test
    void everyRoleNeedsItsPasswordOnEveryLocalAddress() throws SQLException {
        var server = start(workDir.resolve("postgres"));

        for (var host : List.of("localhost", "127.0.0.1", "[::1]")) {
            for (var role : List.of(SUPERUSER, ROLE)) {
                assertRefused(host, server.port(), role, null);
                assertRefused(host, server.port(), role, "wrong");
            }
        }
        var credentials = EmbeddedCredentials.readFrom(workDir.resolve("postgres")).orElseThrow();
        assertThat(currentUser("127.0.0.1", server.port(), SUPERUSER, credentials.superuserPassword()))
                .isEqualTo(SUPERUSER);
        assertThat(currentUser("localhost", server.port(), ROLE, server.password())).isEqualTo(ROLE);
        assertThat(server.password()).isEqualTo(credentials.applicationPassword());
    }

    @Test
    void thePasswordFileIsReadableByItsOwnerOnlyAndServesAsPgpass() throws Exception {
        var server = start(workDir.resolve("postgres"));

        assertThat(server.passwordFile()).isEqualTo(workDir.resolve("postgres/pgpass"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile())))
                .isEqualTo("rw-------");
        assertThat(Files.readAllLines(server.passwordFile()))
                .containsExactlyInAnyOrder("*:*:*:postgres:" + EmbeddedCredentials.readFrom(workDir.resolve("postgres"))
                        .orElseThrow().superuserPassword(), "*:*:*:rppg:" + server.password());
    }

    @Test
    void theSamePasswordsHoldAfterARestart() throws SQLException {
        var dataDir = workDir.resolve("postgres");
        var first = start(dataDir);
        var password = first.password();
        first.close();
        servers.remove(first);

        var second = start(dataDir);

        assertThat(second.password()).isEqualTo(password);
        assertThat(currentUser("localhost", second.port(), ROLE, password)).isEqualTo(ROLE);
        assertRefused("localhost", second.port(), SUPERUSER, null);
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsClosedToCallersWithoutPasswordOnItsNextStart() throws Exception {
        var dataDir = workDir.resolve("postgres");
        Files.createDirectories(dataDir);
        // What earlier versions left: initdb's trust for every local caller, the role and database of the platform.
        try (var earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
             var superuser = earlier.getPostgresDatabase().getConnection();
             var statement = superuser.createStatement()) {
            statement.execute("CREATE ROLE rppg LOGIN NOSUPERUSER NOBYPASSRLS");
            statement.execute("CREATE DATABASE rppg OWNER rppg");
            try (var rppg = DriverManager.getConnection(earlier.getJdbcUrl(ROLE, "rppg"))) {
                rppg.createStatement().execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('from before')");
            }
        }
        assertThat(dataDir.resolve("pgpass")).doesNotExist();

        var server = start(dataDir);

        assertRefused("localhost", server.port(), SUPERUSER, null);
        assertRefused("127.0.0.1", server.port(), ROLE, null);
        assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).doesNotContain("trust");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile())))
                .isEqualTo("rw-------");
        try (var rppg = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var rows = rppg.createStatement().executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("from before");
        }
    }

    private EmbeddedPostgresServer start(Path dataDir) {
        var server = EmbeddedPostgresServer.start(dataDir, false);
        servers.add(server);
        return server;
    }

    private static void assertRefused(String host, int port, String role, String password) {
        assertThatThrownBy(() -> connect(host, port, role, password).close())
                .as("%s connecting to %s without its password", role, host)
                .isInstanceOf(SQLException.class);
    }

    private static String currentUser(String host, int port, String role, String password) throws SQLException {
        try (var connection = connect(host, port, role, password);
             var rows = connection.createStatement().executeQuery("SELECT current_user")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(String host, int port, String role, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", role);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/rppg", properties);
    }
}
