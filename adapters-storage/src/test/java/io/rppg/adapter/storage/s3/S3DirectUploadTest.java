package io.rppg.adapter.storage.s3;

import io.rppg.adapter.storage.testsupport.S3ProxyServer;
import io.rppg.application.port.out.DirectUploadPort.Claim;
import io.rppg.application.port.out.DirectUploadPort.Grant;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.VideoContainer;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Presigned PUTs to a real s3proxy over real HTTP, and what claiming the object makes of it. */
class S3DirectUploadTest {

    private static final S3ProxyServer SERVER = S3ProxyServer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final ScanSessionId SESSION = new ScanSessionId("sess_20260101000000_directone");
    private static final ScanSessionId OTHER_SESSION = new ScanSessionId("sess_20260101000000_directtwo");
    private static final Duration VALIDITY = Duration.ofMinutes(5);

    @TempDir
    Path staging;

    private S3TestStore store;
    private S3Client s3;
    private String bucket;
    private S3VideoStorageAdapter storage;

    @BeforeEach
    void newBucket() {
        store = S3TestStore.inNewBucket(SERVER, "direct", staging);
        s3 = store.s3();
        bucket = store.bucket();
        storage = store.storage();
    }

    @AfterEach
    void closeClients() {
        store.close();
    }

    @Test
    void aVideoPutWithTheUrlIsClaimedAsAnUploadAndAcceptedLikeAStreamedOne() throws Exception {
        var bytes = mp4(300_000);
        var grant = granted(SESSION, bytes.length, "video/mp4", VALIDITY);
        assertThat(grant.headers()).containsEntry("content-type", "video/mp4");

        assertThat(put(grant, bytes).statusCode()).isEqualTo(200);
        var claim = storage.claim(TENANT, SESSION, 1_000_000);

        var upload = ((Claim.Claimed) claim).upload();
        assertThat(upload.size()).isEqualTo(bytes.length);
        assertThat(upload.format()).isEqualTo(VideoContainer.MP4);
        assertThat(Files.readAllBytes(upload.path())).isEqualTo(bytes);
        storage.accept(TENANT, SESSION, upload);
        try (var video = storage.find(TENANT, SESSION).orElseThrow().openAt(0)) {
            assertThat(video.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(objects()).containsExactly("rppg/videos/" + TENANT.value() + "/" + SESSION.value() + ".mp4");
        assertThat(storage.claim(TENANT, SESSION, 1_000_000)).as("claimed once only")
                .isEqualTo(new Claim.NothingUploaded());
    }

    @Test
    void thePutMustHaveTheDeclaredSizeAndType() throws Exception {
        var bytes = mp4(10_000);
        var grant = granted(SESSION, bytes.length, "video/mp4", VALIDITY);

        var longer = put(grant, Arrays.copyOf(bytes, bytes.length + 1));
        var otherType = HTTP.send(HttpRequest.newBuilder(URI.create(grant.url())).header("content-type", "video/webm")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(longer.statusCode()).as(longer.body()).isEqualTo(403);
        assertThat(otherType.statusCode()).as(otherType.body()).isEqualTo(403);
        assertThat(storage.claim(TENANT, SESSION, 1_000_000)).isEqualTo(new Claim.NothingUploaded());
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aUrlPutsOnlyIntoItsOwnSession() throws Exception {
        var bytes = mp4(10_000);
        assertThat(put(granted(SESSION, bytes.length, "video/mp4", VALIDITY), bytes).statusCode()).isEqualTo(200);

        assertThat(storage.claim(TENANT, OTHER_SESSION, 1_000_000)).isEqualTo(new Claim.NothingUploaded());
        assertThat(storage.claim(new TenantId(UUID.randomUUID()), SESSION, 1_000_000))
                .isEqualTo(new Claim.NothingUploaded());
    }

    @Test
    void aUrlUsedTooLateIsRefusedByTheStore() throws Exception {
        var bytes = mp4(10_000);
        var grant = granted(SESSION, bytes.length, "video/mp4", Duration.ofSeconds(1));
        Thread.sleep(2_500);

        var late = put(grant, bytes);

        assertThat(late.statusCode()).as(late.body()).isEqualTo(403);
        assertThat(storage.claim(TENANT, SESSION, 1_000_000)).isEqualTo(new Claim.NothingUploaded());
    }

    @Test
    void anObjectThatIsNoVideoOrTooLargeIsRefusedAndDeleted() throws Exception {
        var garbage = new byte[5_000];
        Arrays.fill(garbage, (byte) 'x');
        put(granted(SESSION, garbage.length, "video/mp4", VALIDITY), garbage);
        assertThat(storage.claim(TENANT, SESSION, 1_000_000)).isInstanceOf(Claim.UnsupportedFormat.class);
        assertThat(leftovers()).isEmpty();

        var video = mp4(20_000);
        put(granted(SESSION, video.length, "video/mp4", VALIDITY), video);
        assertThat(storage.claim(TENANT, SESSION, 10_000)).isEqualTo(new Claim.TooLarge(10_000));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aForgottenUploadIsGone() throws Exception {
        var bytes = mp4(10_000);
        put(granted(SESSION, bytes.length, "video/mp4", VALIDITY), bytes);

        storage.forget(TENANT, SESSION);

        assertThat(leftovers()).isEmpty();
    }

    private Grant.Granted granted(ScanSessionId session, long size, String type, Duration validity) {
        return (Grant.Granted) storage.grant(TENANT, session, size, type, validity);
    }

    private static HttpResponse<String> put(Grant.Granted grant, byte[] bytes) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(grant.url())).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        grant.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> objects() {
        // s3proxy's file-system backend lists its folders as keys ending in '/'
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(o -> o.key())
                .filter(key -> !key.endsWith("/")).toList();
    }

    private List<String> leftovers() throws IOException {
        var all = new ArrayList<>(objects());
        try (Stream<Path> files = Files.walk(staging)) {
            files.filter(Files::isRegularFile).forEach(f -> all.add("file " + f));
        }
        return all;
    }

    /** The first bytes of an MP4 file ({@code ftyp isom}), then zeros. */
    private static byte[] mp4(int size) {
        var bytes = Arrays.copyOf(new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, size);
        return bytes;
    }
}
