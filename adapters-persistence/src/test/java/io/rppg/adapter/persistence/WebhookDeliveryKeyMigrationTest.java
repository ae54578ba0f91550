package io.rppg.adapter.persistence;

import io.rppg.adapter.persistence.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V41 puts the tenant into the key from a webhook delivery to its endpoint. Run on a schema of its own, migrated to
 * V40 and filled as the platform left it: its deliveries stay, one across tenants (which the old key allowed) goes,
 * and the new key holds from then on.
 */
class WebhookDeliveryKeyMigrationTest {

    private final String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void dropSchema() throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void existingDeliveriesStayAndADeliveryCanNoLongerPointAtAnotherTenantsEndpoint() throws SQLException {
        migrate("40");
        var plan = UUID.randomUUID();
        var clinic = UUID.randomUUID();
        var insurer = UUID.randomUUID();
        var clinicEndpoint = UUID.randomUUID();
        var insurerEndpoint = UUID.randomUUID();
        var delivery = UUID.randomUUID();
        var acrossTenants = UUID.randomUUID();
        try (var connection = platformConnection()) {
            execute(connection, "INSERT INTO plans (id, name, monthly_scans, requests_per_minute, max_open_sessions,"
                    + " max_upload_mb, retain_video) VALUES ('" + plan + "', 'p', 10, 60, 10, 10, false)");
            for (var tenant : new UUID[]{clinic, insurer}) {
                execute(connection, "INSERT INTO tenants (id, name, plan_id, status, created_at) VALUES ('" + tenant
                        + "', 't', '" + plan + "', 'ACTIVE', now())");
            }
            insertEndpoint(connection, clinic, clinicEndpoint);
            insertEndpoint(connection, insurer, insurerEndpoint);
            insertDelivery(connection, clinic, delivery, clinicEndpoint);
            // Possible under V40, whose key names the endpoint alone; the platform never made one.
            insertDelivery(connection, insurer, acrossTenants, clinicEndpoint);
        }

        migrate(null);

        try (var connection = platformConnection()) {
            assertThat(count(connection, "id = '" + delivery + "'")).isEqualTo(1);
            assertThat(count(connection, "id = '" + acrossTenants + "'")).isZero();
            assertThatThrownBy(() -> insertDelivery(connection, insurer, UUID.randomUUID(), clinicEndpoint))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));
            insertDelivery(connection, insurer, UUID.randomUUID(), insurerEndpoint);
            execute(connection, "DELETE FROM webhook_endpoints WHERE id = '" + clinicEndpoint + "'");
            assertThat(count(connection, "tenant_id = '" + clinic + "'"))
                    .as("deleting an endpoint deletes its deliveries").isZero();
        }
    }

    private static int count(Connection connection, String where) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM webhook_deliveries WHERE " + where)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void migrate(String target) {
        var db = TestDatabase.connection();
        var flyway = Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .schemas(schema).defaultSchema(schema).locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private static void insertEndpoint(Connection connection, UUID tenant, UUID endpoint) throws SQLException {
        execute(connection, "INSERT INTO webhook_endpoints (tenant_id, id, url, events, secret, created_at) VALUES ('"
                + tenant + "', '" + endpoint + "', 'https://hooks.example/' , 'scan.completed', 'whsec', now())");
    }

    private static void insertDelivery(Connection connection, UUID tenant, UUID delivery, UUID endpoint)
            throws SQLException {
        execute(connection, "INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event, body, status,"
                + " attempts, next_attempt_at, last_status_code, created_at) VALUES ('" + tenant + "', '" + delivery
                + "', '" + endpoint + "', 'SCAN_COMPLETED', '{}', 'PENDING', 0, now(), 0, now())");
    }

    /** A connection to the schema that sees every tenant's rows, as the platform's own work does. */
    private Connection platformConnection() throws SQLException {
        var connection = connect();
        connection.setSchema(schema);
        execute(connection, "SELECT set_config('rppg.platform', 'on', false)");
        return connection;
    }

    private static Connection connect() throws SQLException {
        var db = TestDatabase.connection();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
