package io.rppg.bootstrap.database;

import com.zaxxer.hikari.HikariDataSource;
import io.rppg.adapter.persistence.embedded.EmbeddedPostgresServer;
import io.rppg.bootstrap.RppgProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The database: the one named by {@code RPPG_DATABASE_URL}, or else an embedded PostgreSQL whose data lives in
 * {@code RPPG_DATA_DIR/postgres} and survives restarts.
 *
 * <p>The pool's timeouts come from {@code spring.datasource.hikari.*} (application.yml): they bound how long a request
 * waits for a database that is down, so that it is answered with 503 in seconds instead of hanging.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** The pool starts on its first use, after {@code spring.datasource.hikari.*} is bound onto it. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties(prefix = "spring.datasource.hikari")
    public HikariDataSource dataSource(RppgProperties properties, EmbeddedDatabase embedded) {
        var pool = new HikariDataSource();
        pool.setPoolName("rppg");
        pool.setMaximumPoolSize(20);
        var database = properties.database();
        if (database.isConfigured()) {
            log.info("Using the configured PostgreSQL database at {}", database.url());
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.username());
            pool.setPassword(database.password());
        } else {
            var server = embedded.server();
            pool.setJdbcUrl(server.jdbcUrl());
            pool.setUsername(server.username());
            pool.setPassword(server.password());
        }
        return pool;
    }

    @Bean(destroyMethod = "close")
    public EmbeddedDatabase embeddedDatabase(RppgProperties properties,
                                             ObjectProvider<EarlyEmbeddedDatabaseStart.Starting> early) {
        return new EmbeddedDatabase(properties, early.getIfAvailable());
    }

    /** Starts the embedded server only when no database is configured, and stops it after the pool closes. */
    public static final class EmbeddedDatabase implements AutoCloseable {

        private final RppgProperties properties;
        private EarlyEmbeddedDatabaseStart.Starting early;
        private EmbeddedPostgresServer server;

        EmbeddedDatabase(RppgProperties properties, EarlyEmbeddedDatabaseStart.Starting early) {
            this.properties = properties;
            this.early = early;
        }

        synchronized EmbeddedPostgresServer server() {
            if (server == null) {
                var directory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
                log.info("RPPG_DATABASE_URL is not set: starting an embedded PostgreSQL with its data in {}", directory);
                server = startedEarlyIn(directory).orElseGet(() -> EmbeddedPostgresServer.start(directory, false));
                log.info("Embedded PostgreSQL is running on localhost:{} (database '{}', role '{}'; the passwords of "
                                + "'{}' and '{}' are in {})", server.port(), EmbeddedPostgresServer.DATABASE,
                        server.username(), EmbeddedPostgresServer.SUPERUSER, server.username(), server.passwordFile());
            }
            return server;
        }

        /** The server the early start brought up in this directory; one started elsewhere is stopped. */
        private java.util.Optional<EmbeddedPostgresServer> startedEarlyIn(java.nio.file.Path directory) {
            if (early == null) {
                return java.util.Optional.empty();
            }
            var starting = early;
            early = null;
            if (!starting.directory().equals(directory)) {
                starting.server().thenAccept(EmbeddedPostgresServer::close);
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(starting.server().join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        @Override
        public synchronized void close() {
            if (server == null && early != null) {
                // Started early but never asked for (the application failed first): stopped all the same.
                server = early.server().exceptionally(failure -> null).join();
            }
            if (server != null) {
                log.info("Stopping the embedded PostgreSQL");
                server.close();
            }
        }
    }
}
