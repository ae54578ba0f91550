package io.rppg.bootstrap.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rppg.adapter.persistence.embedded.EmbeddedPostgresServer;
import io.rppg.bootstrap.RppgProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The database: the one named by {@code RPPG_DATABASE_URL}, or else an embedded PostgreSQL whose data lives in
 * {@code RPPG_DATA_DIR/postgres} and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(RppgProperties properties, EmbeddedDatabase embedded) {
        var config = new HikariConfig();
        config.setPoolName("rppg");
        config.setMaximumPoolSize(20);
        var database = properties.database();
        if (database.isConfigured()) {
            log.info("Using the configured PostgreSQL database at {}", database.url());
            config.setJdbcUrl(database.url());
            config.setUsername(database.username());
            config.setPassword(database.password());
        } else {
            var server = embedded.server();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.username());
            config.setPassword(server.password());
        }
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    public EmbeddedDatabase embeddedDatabase(RppgProperties properties) {
        return new EmbeddedDatabase(properties);
    }

    /** Starts the embedded server only when no database is configured, and stops it after the pool closes. */
    public static final class EmbeddedDatabase implements AutoCloseable {

        private final RppgProperties properties;
        private EmbeddedPostgresServer server;

        EmbeddedDatabase(RppgProperties properties) {
            this.properties = properties;
        }

        synchronized EmbeddedPostgresServer server() {
            if (server == null) {
                var directory = properties.dataDir().resolve("postgres").toAbsolutePath();
                log.info("RPPG_DATABASE_URL is not set: starting an embedded PostgreSQL with its data in {}", directory);
                server = EmbeddedPostgresServer.start(directory, false);
                log.info("Embedded PostgreSQL is running on localhost:{} (database '{}', role '{}')",
                        server.port(), EmbeddedPostgresServer.DATABASE, server.username());
            }
            return server;
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                log.info("Stopping the embedded PostgreSQL");
                server.close();
            }
        }
    }
}
