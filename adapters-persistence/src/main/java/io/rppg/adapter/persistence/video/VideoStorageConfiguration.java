package io.rppg.adapter.persistence.video;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** Uploaded videos are kept under {@code <rppg.data-dir>/videos}. */
@Configuration(proxyBeanMethods = false)
class VideoStorageConfiguration {

    @Bean
    FileSystemVideoStorageAdapter videoStorage(@Value("${rppg.data-dir:data}") Path dataDir) {
        return new FileSystemVideoStorageAdapter(dataDir.resolve("videos"));
    }
}
