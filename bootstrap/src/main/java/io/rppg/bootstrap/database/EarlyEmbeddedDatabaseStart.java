package io.rppg.bootstrap.database;

import io.rppg.adapter.persistence.embedded.EmbeddedPostgresServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is read, before Spring scans and
 * builds the application: the server's start (initdb on a new data directory) then overlaps the class loading of
 * the rest, instead of following it when the connection pool is first needed. Without this initializer (tests that
 * build the application themselves) {@link DatabaseConfiguration.EmbeddedDatabase} starts the server itself.
 */
public final class EarlyEmbeddedDatabaseStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "earlyEmbeddedDatabaseStart";

    /** The server being started in {@code directory}. */
    record Starting(Path directory, CompletableFuture<EmbeddedPostgresServer> server) {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!environment.getProperty("rppg.database.url", "").isBlank()) {
            return;
        }
        var directory = Path.of(environment.getProperty("rppg.data-dir", "data")).resolve("postgres")
                .toAbsolutePath().normalize();
        var server = new CompletableFuture<EmbeddedPostgresServer>();
        var starter = new Thread(() -> {
            try {
                server.complete(EmbeddedPostgresServer.start(directory, false));
            } catch (RuntimeException | Error e) {
                server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        context.getBeanFactory().registerSingleton(BEAN_NAME, new Starting(directory, server));
    }
}
