package io.rppg.adapter.persistence.testsupport;

import io.rppg.adapter.persistence.embedded.EmbeddedPostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The one place that decides which real PostgreSQL the tests use, started once per test JVM:
 * <ol>
 *     <li>{@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USERNAME} and {@code TEST_DATABASE_PASSWORD}) when set;</li>
 *     <li>else a Testcontainers PostgreSQL when a Docker engine answers;</li>
 *     <li>else an embedded PostgreSQL in a fresh temporary directory.</li>
 * </ol>
 * Tests never share state by accident: each creates its own tenants with random ids.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password, String origin) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection connection() {
        if (connection == null) {
            connection = start();
            System.err.println("Tests use PostgreSQL from " + connection.origin() + " at " + connection.url());
        }
        return connection;
    }

    /**
     * Hands the connection to a Spring property registry under a prefix, e.g. {@code spring.datasource} or
     * {@code rppg.database}.
     */
    public static void register(String prefix, BiConsumer<String, Supplier<Object>> registry) {
        var db = connection();
        registry.accept(prefix + ".url", db::url);
        registry.accept(prefix + ".username", db::username);
        registry.accept(prefix + ".password", db::password);
    }

    private static Connection start() {
        var url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(url, System.getenv("TEST_DATABASE_USERNAME"),
                    System.getenv("TEST_DATABASE_PASSWORD"), "TEST_DATABASE_URL");
        }
        if (dockerIsAvailable()) {
            var container = new PostgreSQLContainer("postgres:17-alpine")
                    .withDatabaseName("rppg").withUsername("rppg").withPassword("rppg");
            container.start();
            // The container's user is a superuser, for which row-level security does not hold; the tests
            // connect as an ordinary owner role instead, as the platform does in production.
            return withApplicationRole(container);
        }
        try {
            var dir = Files.createTempDirectory("rppg-test-postgres");
            var server = EmbeddedPostgresServer.start(dir, true);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return new Connection(server.jdbcUrl(), server.username(), server.password(), "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection withApplicationRole(PostgreSQLContainer container) {
        try (var admin = java.sql.DriverManager.getConnection(
                container.getJdbcUrl(), container.getUsername(), container.getPassword());
             var statement = admin.createStatement()) {
            statement.execute("CREATE ROLE rppg_app LOGIN PASSWORD 'rppg_app' NOSUPERUSER NOBYPASSRLS");
            statement.execute("CREATE DATABASE rppg_app OWNER rppg_app");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not prepare the test database", e);
        }
        var url = container.getJdbcUrl().replaceFirst("/rppg(\\?|$)", "/rppg_app$1");
        return new Connection(url, "rppg_app", "rppg_app", "Testcontainers");
    }

    private static boolean dockerIsAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
