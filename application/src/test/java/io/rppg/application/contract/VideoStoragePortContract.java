package io.rppg.application.contract;

import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.VideoContainer;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every video store keeps, whether it writes to a directory or to an object store: uploads under names of their
 * own until accepted, the size limit counted to the byte, the format sniffed from the first bytes, and nothing left
 * behind by whatever does not end as a stored video.
 */
public abstract class VideoStoragePortContract {

    protected static final TenantId TENANT = new TenantId(UUID.randomUUID());
    protected static final ScanSessionId SESSION =
            ScanSessionId.issue(Instant.parse("2026-03-15T10:00:00Z"), "abcdefgh");

    protected abstract VideoStoragePort storage();

    /** Everything the store holds, however it holds it (files, objects, unfinished multipart uploads). */
    protected abstract List<String> leftovers() throws IOException;

    @Test
    void anUploadIsStoredUnderANameOfItsOwnAndBecomesTheSessionsVideoWhenAccepted() throws IOException {
        var bytes = mp4("isom", 200_000);

        var stored = (StoreResult.Stored) storage().store(TENANT, SESSION, new ByteArrayInputStream(bytes), 1_000_000);

        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.format()).isEqualTo(VideoContainer.MP4);
        assertThat(Files.readAllBytes(stored.path())).as("what the probe reads").isEqualTo(bytes);
        assertThat(storage().find(TENANT, SESSION)).as("not the session's video before acceptance").isEmpty();

        storage().accept(TENANT, SESSION, stored);

        assertThat(bytesOf(storage().find(TENANT, SESSION).orElseThrow())).isEqualTo(bytes);
        assertThat(storage().storedVideos()).singleElement().satisfies(video -> {
            assertThat(video.tenant()).isEqualTo(TENANT);
            assertThat(video.session()).isEqualTo(SESSION);
        });
        assertThat(storage().deleteUnacceptedUploadsOlderThan(Instant.now().plusSeconds(60)))
                .as("no upload is left unaccepted").isZero();
    }

    @Test
    void anUploadLargerThanManyBuffersArrivesWhole() throws IOException {
        var bytes = mp4("isom", 12 * 1024 * 1024 + 123);

        var stored = (StoreResult.Stored) storage().store(TENANT, SESSION, new ByteArrayInputStream(bytes),
                100_000_000);
        storage().accept(TENANT, SESSION, stored);

        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(bytesOf(storage().find(TENANT, SESSION).orElseThrow())).isEqualTo(bytes);
    }

    @Test
    void uploadsToOneSessionNeverReplaceEachOtherAndOnlyTheAcceptedOneIsKept() throws IOException {
        var first = mp4("isom", 1000);
        var second = mp4("isom", 2000);
        var winner = (StoreResult.Stored) storage().store(TENANT, SESSION, new ByteArrayInputStream(first), 10_000);
        var loser = (StoreResult.Stored) storage().store(TENANT, SESSION, new ByteArrayInputStream(second), 10_000);

        assertThat(loser.path()).isNotEqualTo(winner.path());
        assertThat(Files.readAllBytes(winner.path())).isEqualTo(first);

        storage().accept(TENANT, SESSION, winner);
        storage().discard(loser);

        assertThat(bytesOf(storage().find(TENANT, SESSION).orElseThrow())).isEqualTo(first);
        assertThat(storage().storedVideos()).hasSize(1);
        assertThat(storage().deleteUnacceptedUploadsOlderThan(Instant.now().plusSeconds(60))).isZero();
    }

    @Test
    void anUploadOfOneSessionCannotBeAcceptedForAnother() {
        var stored = (StoreResult.Stored) storage().store(TENANT, SESSION,
                new ByteArrayInputStream(mp4("isom", 1000)), 10_000);
        var other = ScanSessionId.issue(Instant.parse("2026-03-15T10:00:00Z"), "zzzzzzzz");

        assertThatThrownBy(() -> storage().accept(TENANT, other, stored))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().accept(new TenantId(UUID.randomUUID()), SESSION, stored))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(storage().find(TENANT, other)).isEmpty();
    }

    @Test
    void eachContainerIsRecognisedByItsFirstBytes() {
        assertThat(format(mp4("qt  ", 100))).isEqualTo(VideoContainer.MOV);
        assertThat(format(concat(new byte[]{0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, new byte[100])))
                .isEqualTo(VideoContainer.WEBM);
        assertThat(format(concat("RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1), new byte[100])))
                .isEqualTo(VideoContainer.AVI);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAfterReadingOneByteTooManyAndLeavesNothing() throws IOException {
        var upload = new CountingStream(mp4("isom", 7_000_000));

        var result = storage().store(TENANT, SESSION, upload, 6_000_000);

        assertThat(result).isEqualTo(new StoreResult.TooLarge(6_000_000));
        assertThat(upload.read).isEqualTo(6_000_001);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anUploadOfExactlyTheLimitIsStored() {
        var result = storage().store(TENANT, SESSION, new ByteArrayInputStream(mp4("isom", 100_000)), 100_000);

        assertThat(result).isInstanceOf(StoreResult.Stored.class);
    }

    @Test
    void contentThatIsNoVideoIsRefusedAtItsFirstBytesAndLeavesNothing() throws IOException {
        var text = "<html>definitely a video.mp4</html>".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        var upload = new CountingStream(text);

        var result = storage().store(TENANT, SESSION, upload, 10_000_000);

        assertThat(result).isInstanceOf(StoreResult.UnsupportedFormat.class);
        assertThat(upload.read).as("stops reading at the first buffer").isLessThanOrEqualTo(64 * 1024);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anEmptyOrTinyUploadIsUnsupportedAndLeavesNothing() throws IOException {
        assertThat(storage().store(TENANT, SESSION, InputStream.nullInputStream(), 1000))
                .isInstanceOf(StoreResult.UnsupportedFormat.class);
        assertThat(storage().store(TENANT, SESSION, new ByteArrayInputStream(new byte[]{0, 0, 0}), 1000))
                .isInstanceOf(StoreResult.UnsupportedFormat.class);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anUploadThatBreaksOffMidwayIsAnErrorAndLeavesNothing() throws IOException {
        var head = mp4("isom", 6_000_000);
        InputStream breaking = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(head);

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n < 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }
        };

        assertThatThrownBy(() -> storage().store(TENANT, SESSION, breaking, 100_000_000))
                .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("connection reset");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void deleteRemovesTheVideoAndSaysWhetherThereWasOne() throws IOException {
        accepted(mp4("isom", 1000));

        assertThat(storage().delete(TENANT, SESSION)).isTrue();
        assertThat(storage().delete(TENANT, SESSION)).isFalse();
        assertThat(storage().find(TENANT, SESSION)).isEmpty();
        assertThat(storage().storedVideos()).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void tenantsNeverSeeEachOthersVideos() {
        accepted(mp4("isom", 1000));
        var other = new TenantId(UUID.randomUUID());

        assertThat(storage().find(other, SESSION)).isEmpty();
        assertThat(storage().delete(other, SESSION)).isFalse();
        assertThat(storage().find(TENANT, SESSION)).isPresent();
    }

    @Test
    void storedVideosNamesAcceptedVideosOnly() {
        accepted(mp4("isom", 1000));
        var notYetAccepted = ScanSessionId.issue(Instant.parse("2026-03-15T10:00:00Z"), "unaccepted");
        storage().store(TENANT, notYetAccepted, new ByteArrayInputStream(mp4("isom", 1000)), 10_000);

        assertThat(storage().storedVideos()).singleElement().satisfies(video -> {
            assertThat(video.tenant()).isEqualTo(TENANT);
            assertThat(video.session()).isEqualTo(SESSION);
            assertThat(video.storedAt()).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        });
    }

    @Test
    void uploadsNeverAcceptedAreDeletedOnceOlderThanTheCutOffAndVideosAreKept() throws IOException {
        var video = accepted(mp4("isom", 1000));
        var abandoned = ScanSessionId.issue(Instant.parse("2026-03-15T10:00:00Z"), "abandoned");
        storage().store(TENANT, abandoned, new ByteArrayInputStream(mp4("isom", 1000)), 10_000);

        assertThat(storage().deleteUnacceptedUploadsOlderThan(Instant.now().minusSeconds(3600)))
                .as("an upload of the last hour may still be accepted").isZero();
        assertThat(storage().deleteUnacceptedUploadsOlderThan(Instant.now().plusSeconds(60))).isEqualTo(1);

        assertThat(storage().deleteUnacceptedUploadsOlderThan(Instant.now().plusSeconds(60))).isZero();
        assertThat(bytesOf(storage().find(TENANT, SESSION).orElseThrow()))
                .as("an accepted video is not an upload").isEqualTo(bytesOf(video));
        assertThat(storage().find(TENANT, abandoned)).isEmpty();
    }

    @Test
    void aStoredVideoIsReadFromWhereARangeStartsAsTheDecoderSeeks() throws IOException {
        var bytes = mp4("isom", 9 * 1024 * 1024 + 77);
        var stored = (StoreResult.Stored) storage().store(TENANT, SESSION, new ByteArrayInputStream(bytes),
                100_000_000);
        storage().accept(TENANT, SESSION, stored);

        var video = storage().find(TENANT, SESSION).orElseThrow();

        assertThat(video.size()).isEqualTo(bytes.length);
        assertThat(video.name()).startsWith(SESSION.value()).endsWith(".mp4");
        try (var tail = video.openAt(bytes.length - 1000L)) {
            assertThat(tail.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 1000, bytes.length));
        }
        try (var middle = video.openAt(5_000_000)) {
            assertThat(middle.readNBytes(4096)).as("a range left unread is closed without reading it")
                    .isEqualTo(Arrays.copyOfRange(bytes, 5_000_000, 5_004_096));
        }
        try (var end = video.openAt(bytes.length)) {
            assertThat(end.read()).isEqualTo(-1);
        }
    }

    /** The whole of a stored video, read from its start. */
    protected static byte[] bytesOf(VideoSource video) throws IOException {
        try (var in = video.openAt(0)) {
            return in.readAllBytes();
        }
    }

    private VideoContainer format(byte[] bytes) {
        var session = ScanSessionId.issue(Instant.now(), UUID.randomUUID().toString().replace("-", ""));
        var stored = (StoreResult.Stored) storage().store(TENANT, session, new ByteArrayInputStream(bytes), 10_000);
        assertThat(stored.path().getFileName().toString()).endsWith("." + stored.format().extension());
        return stored.format();
    }

    /** Stores and accepts the bytes as the video of {@link #SESSION}; where it can be read. */
    protected VideoSource accepted(byte[] bytes) {
        var stored = (StoreResult.Stored) storage().store(TENANT, SESSION, new ByteArrayInputStream(bytes), 10_000);
        storage().accept(TENANT, SESSION, stored);
        return storage().find(TENANT, SESSION).orElseThrow();
    }

    /** The first bytes of an MP4 (or, with brand {@code "qt  "}, a MOV) file, then filler. */
    protected static byte[] mp4(String brand, int size) {
        var head = ("\0\0\0\u0018ftyp" + brand + "\0\0\u0002\0").getBytes(StandardCharsets.ISO_8859_1);
        var bytes = new byte[size];
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var bytes = new byte[a.length + b.length];
        System.arraycopy(a, 0, bytes, 0, a.length);
        System.arraycopy(b, 0, bytes, a.length, b.length);
        return bytes;
    }

    private static final class CountingStream extends InputStream {
        private final InputStream in;
        long read;

        CountingStream(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
