package io.rppg.bootstrap.wiring;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;

/**
 * Uploads land in {@code <rppg.data-dir>/videos} of the node that takes them, and the worker that analyses one reads
 * it from its own. A node that runs no worker ({@code rppg.scan.worker.enabled: false}) leaves every upload to
 * workers on other nodes, which can read it only if the directory is shared; the operator says it is with
 * {@code rppg.shared-storage: true}, or keeps videos in an object store ({@code rppg.storage.url: s3://...}). Without
 * either, the node refuses to start: it would accept videos that no one can
 * analyse and leave them behind.
 */
@Configuration(proxyBeanMethods = false)
public class VideoStorageSharingConfiguration {

    /** Runs before any bean is made, so a refused node starts nothing (no database, no port). */
    @Bean
    static BeanFactoryPostProcessor workerlessNodeNeedsSharedStorage(Environment environment) {
        return beanFactory -> {
            boolean worker = environment.getProperty("rppg.scan.worker.enabled", Boolean.class, true);
            // An object store is shared by every node that names it.
            boolean shared = environment.getProperty("rppg.shared-storage", Boolean.class, false)
                    || environment.getProperty("rppg.storage.url", "").startsWith("s3://");
            if (!worker && !shared) {
                var videos = Path.of(environment.getProperty("rppg.data-dir", "data")).resolve("videos")
                        .toAbsolutePath().normalize();
                throw new IllegalStateException("RPPG_WORKER_ENABLED=false: this node runs no worker, so the "
                        + "videos it accepts into " + videos + " must be read by workers on other nodes. Put "
                        + "RPPG_DATA_DIR on storage every node shares and set RPPG_SHARED_STORAGE=true, keep videos in "
                        + "an object store (RPPG_STORAGE_URL=s3://bucket/prefix), or run a "
                        + "worker on this node.");
            }
        };
    }
}
