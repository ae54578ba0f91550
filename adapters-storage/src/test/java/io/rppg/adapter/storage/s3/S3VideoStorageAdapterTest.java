package io.rppg.adapter.storage.s3;

import io.rppg.adapter.storage.testsupport.S3ProxyServer;
import io.rppg.application.contract.VideoStoragePortContract;
import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage port's contract on a real S3-compatible server (s3proxy), and how the objects lie there. */
class S3VideoStorageAdapterTest extends VideoStoragePortContract {

    private static final S3ProxyServer SERVER = S3ProxyServer.shared();

    @TempDir
    Path staging;

    private S3TestStore store;
    private S3Client s3;
    private String bucket;
    private S3VideoStorageAdapter storage;

    @BeforeEach
    void newBucket() {
        store = S3TestStore.inNewBucket(SERVER, "videos", staging);
        s3 = store.s3();
        bucket = store.bucket();
        storage = store.storage();
    }

    @AfterEach
    void closeClients() {
        store.close();
    }

    @Override
    protected S3VideoStorageAdapter storage() {
        return storage;
    }

    @Override
    protected List<String> leftovers() throws IOException {
        var all = new ArrayList<String>();
        // s3proxy's file-system backend lists its folders as keys ending in '/': not objects anyone stored
        s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().filter(o -> !o.key().endsWith("/"))
                .forEach(o -> all.add("object " + o.key()));
        s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().forEach(u -> all.add("multipart " + u.key()));
        try (Stream<Path> files = Files.walk(staging)) {
            files.filter(Files::isRegularFile).forEach(f -> all.add("file " + f));
        }
        return all;
    }

    @Test
    void anAcceptedVideoIsAnObjectUnderThePrefixNamedAfterItsTenantAndSession() {
        accepted(mp4("isom", 1000));

        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).filteredOn(o -> !o.key().endsWith("/"))
                .singleElement().satisfies(o -> assertThat(o.key()).isEqualTo("rppg/videos/" + TENANT.value() + "/"
                        + SESSION.value() + ".mp4"));
    }

    @Test
    void everyNodeReadsTheVideoWhereItLiesAndNoneKeepsACopy() throws IOException {
        var bytes = mp4("isom", 9 * 1024 * 1024);
        var stored = (StoreResult.Stored) storage.store(TENANT, SESSION, new ByteArrayInputStream(bytes), 10_000_000);
        storage.accept(TENANT, SESSION, stored);

        var otherStaging = Files.createTempDirectory(staging, "other-node");
        try (var otherNode = new S3VideoStorageAdapter(SERVER.client(), SERVER.presigner(),
                new ObjectStoreLocation(bucket, "rppg/"), otherStaging, S3VideoStorageAdapter.DEFAULT_PART_SIZE)) {
            var video = otherNode.find(TENANT, SESSION).orElseThrow();
            assertThat(video).isInstanceOf(VideoSource.Remote.class);
            assertThat(storage.find(TENANT, SESSION).orElseThrow()).as("the accepting node reads the object too")
                    .isInstanceOf(VideoSource.Remote.class);
            assertThat(bytesOf(video)).isEqualTo(bytes);
            assertThat(leftovers()).as("the object alone: no staging copy on either node")
                    .containsExactly("object rppg/videos/" + TENANT.value() + "/" + SESSION.value() + ".mp4");

            assertThat(otherNode.delete(TENANT, SESSION)).isTrue();
        }
        assertThat(storage.find(TENANT, SESSION)).as("deleted from the store, not only that node").isEmpty();
    }

    @Test
    void multipartUploadsADeadNodeLeftBehindAreAbortedOnceStale() throws IOException {
        var key = "rppg/uploads/" + TENANT.value() + "/" + SESSION.value() + ".upload-x.mp4";
        s3.createMultipartUpload(b -> b.bucket(bucket).key(key));

        assertThat(storage.deleteUnacceptedUploadsOlderThan(Instant.now().minusSeconds(3600))).isZero();
        assertThat(storage.deleteUnacceptedUploadsOlderThan(Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(leftovers()).isEmpty();
    }
}
