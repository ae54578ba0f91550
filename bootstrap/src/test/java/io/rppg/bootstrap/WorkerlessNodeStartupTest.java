package io.rppg.bootstrap;

import io.rppg.adapter.persistence.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node that runs no worker accepts uploads for workers on other nodes to analyse. On a data directory of its own,
 * no worker could read them, so the platform refuses to start it and says why.
 */
class WorkerlessNodeStartupTest {

    @TempDir
    Path dataDir;

    @Test
    void aNodeWithoutWorkerOnStorageOfItsOwnRefusesToStartAndSaysWhy() {
        var db = TestDatabase.connection();

        // As arguments, which outrank every properties file (the tests' own declares their storage shared).
        assertThatThrownBy(() -> new SpringApplicationBuilder(RppgApplication.class).run("--server.port=0",
                "--rppg.scan.worker.enabled=false", "--rppg.shared-storage=false", "--rppg.data-dir=" + dataDir,
                "--rppg.database.url=" + db.url(), "--rppg.database.username=" + db.username(),
                "--rppg.database.password=" + db.password()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RPPG_WORKER_ENABLED=false")
                .hasMessageContaining(dataDir.resolve("videos").toString())
                .hasMessageContaining("RPPG_SHARED_STORAGE=true");
    }
}
