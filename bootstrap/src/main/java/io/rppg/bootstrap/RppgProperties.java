package io.rppg.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The platform's own settings, from {@code RPPG_*} environment variables (see application.yml and the README).
 *
 * @param dataDir  where the embedded database and uploaded videos live
 * @param database the PostgreSQL to use; when its URL is blank an embedded server is started in {@code dataDir}
 */
@ConfigurationProperties(prefix = "rppg")
public record RppgProperties(Path dataDir, Database database) {

    public RppgProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        database = database == null ? new Database(null, null, null) : database;
    }

    public record Database(String url, String username, String password) {

        public boolean isConfigured() {
            return url != null && !url.isBlank();
        }
    }
}
