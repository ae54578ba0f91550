package io.rppg.adapter.storage;

import io.rppg.adapter.storage.filesystem.FileSystemVideoStorageAdapter;
import io.rppg.adapter.storage.filesystem.FileSystemDirectUploadAdapter;
import io.rppg.adapter.storage.s3.ObjectStoreClients;
import io.rppg.adapter.storage.s3.ObjectStoreLocation;
import io.rppg.adapter.storage.s3.S3VideoStorageAdapter;
import io.rppg.application.port.out.DirectUploadPort;
import io.rppg.application.port.out.VideoStoragePort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.net.URI;
import java.nio.file.Path;

/**
 * Uploaded videos are kept under {@code <rppg.data-dir>/videos}, or, when {@code rppg.storage.url} is
 * {@code s3://bucket/prefix}, in that object store (credentials from the SDK's usual chain: environment, profile,
 * instance role), with {@code <rppg.data-dir>/video-staging} as this node's local scratch space.
 */
@Configuration(proxyBeanMethods = false)
class VideoStorageConfiguration {

    @Bean
    VideoStoragePort videoStorage(@Value("${rppg.data-dir:data}") Path dataDir,
                                  @Value("${rppg.storage.url:}") String url,
                                  @Value("${rppg.storage.s3.endpoint:}") String endpoint,
                                  @Value("${rppg.storage.s3.region:us-east-1}") String region,
                                  @Value("${rppg.storage.s3.path-style:false}") boolean pathStyle) {
        if (url.contains("://") && !ObjectStoreLocation.isObjectStore(url)) {
            throw new IllegalStateException("RPPG_STORAGE_URL is s3://bucket/prefix or a local directory, not " + url);
        }
        if (!ObjectStoreLocation.isObjectStore(url)) {
            return new FileSystemVideoStorageAdapter(url.isBlank() ? dataDir.resolve("videos") : Path.of(url));
        }
        var endpointUri = endpoint.isBlank() ? null : URI.create(endpoint);
        var credentials = DefaultCredentialsProvider.builder().build();
        return new S3VideoStorageAdapter(ObjectStoreClients.client(region, endpointUri, pathStyle, credentials),
                ObjectStoreClients.presigner(region, endpointUri, pathStyle, credentials),
                ObjectStoreLocation.parse(url), dataDir.resolve("video-staging"), S3VideoStorageAdapter.DEFAULT_PART_SIZE);
    }

    /** Clients put videos straight into an object store; into this node's file system they cannot. */
    @Bean
    DirectUploadPort directUpload(VideoStoragePort videoStorage) {
        return videoStorage instanceof DirectUploadPort objectStore ? objectStore : new FileSystemDirectUploadAdapter();
    }
}
