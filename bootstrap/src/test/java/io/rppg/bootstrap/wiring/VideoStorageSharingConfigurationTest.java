package io.rppg.bootstrap.wiring;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Which nodes may start: any with a worker; one without only on storage declared shared. */
class VideoStorageSharingConfigurationTest {

    private final ApplicationContextRunner node = new ApplicationContextRunner()
            .withUserConfiguration(VideoStorageSharingConfiguration.class)
            .withPropertyValues("rppg.data-dir=/srv/rppg");

    @Test
    void aNodeWithAWorkerStartsWhateverItsStorage() {
        node.withPropertyValues("rppg.scan.worker.enabled=true").run(context -> assertThat(context).hasNotFailed());
        node.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aNodeWithoutWorkerStartsOnStorageDeclaredShared() {
        node.withPropertyValues("rppg.scan.worker.enabled=false", "rppg.shared-storage=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aNodeWithoutWorkerStartsOnAnObjectStore() {
        node.withPropertyValues("rppg.scan.worker.enabled=false", "rppg.storage.url=s3://videos/rppg")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aNodeWithoutWorkerOnStorageNotDeclaredSharedFailsNamingItsDirectory() {
        node.withPropertyValues("rppg.scan.worker.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("/srv/rppg/videos")
                    .hasMessageContaining("RPPG_SHARED_STORAGE=true");
        });
    }
}
