package io.rppg.adapter.storage.s3;

import io.rppg.adapter.storage.testsupport.S3ProxyServer;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The S3 store under test in a bucket of its own on the shared s3proxy, with a client to look into that bucket.
 *
 * @param s3      a client of the same server, for what the test checks in the bucket
 * @param bucket  the bucket's name
 * @param storage the store, under the prefix {@code rppg/}
 */
record S3TestStore(S3Client s3, String bucket, S3VideoStorageAdapter storage) implements AutoCloseable {

    static S3TestStore inNewBucket(S3ProxyServer server, String bucketPrefix, Path staging) {
        String bucket = server.newBucket(bucketPrefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        return new S3TestStore(server.client(), bucket, new S3VideoStorageAdapter(server.client(),
                server.presigner(), new ObjectStoreLocation(bucket, "rppg/"), staging,
                S3VideoStorageAdapter.DEFAULT_PART_SIZE));
    }

    @Override
    public void close() {
        storage.close();
        s3.close();
    }
}
