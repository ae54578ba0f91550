package io.rppg.application.port.out;

import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.VideoContainer;
import io.rppg.domain.tenant.TenantId;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where uploaded videos wait for analysis. A video is streamed in, never held in memory whole; whatever does not
 * end as a stored video leaves nothing behind.
 */
public interface VideoStoragePort {

    /**
     * Streams {@code content} into storage as one upload for the session, in a place of its own: uploads to the same
     * session at the same time never write over one another, and none is the session's video until it is
     * {@linkplain #accept accepted}. Reads at most {@code maxBytes + 1} bytes: a longer upload is refused as
     * {@link StoreResult.TooLarge}; content whose first bytes are no supported container is refused as
     * {@link StoreResult.UnsupportedFormat}. Both leave nothing behind. Faults of the storage itself are thrown, and
     * leave nothing behind either.
     */
    StoreResult store(TenantId tenant, ScanSessionId session, InputStream content, long maxBytes);

    /** Makes a stored upload the session's video, the one {@link #find} returns. */
    void accept(TenantId tenant, ScanSessionId session, StoreResult.Stored upload);

    /** Deletes a stored upload that was not accepted; nothing happens if it was. */
    void discard(StoreResult.Stored upload);

    /**
     * The stored video of a session, if there is one, where it lies: a file of this node, or bytes the engine reads
     * by ranges from wherever they are kept. Finding it copies nothing.
     */
    Optional<VideoSource> find(TenantId tenant, ScanSessionId session);

    /** Deletes every stored video of the session; true when there was one. */
    boolean delete(TenantId tenant, ScanSessionId session);

    /** Every stored video of every tenant, for the sweep that removes videos nothing needs any more. */
    List<StoredVideo> storedVideos();

    /**
     * Deletes the leftovers of uploads that were never accepted (broken off mid-upload, or stored by a node that
     * crashed before acceptance) and were last written before then.
     */
    int deleteUnacceptedUploadsOlderThan(Instant before);

    /** What became of an upload handed to video storage: stored, or refused with nothing left behind. */
    sealed interface StoreResult {

        /** @param path where the upload lies until it is accepted or discarded */
        record Stored(Path path, long size, VideoContainer format) implements StoreResult {
        }

        record TooLarge(long maxBytes) implements StoreResult {
        }

        record UnsupportedFormat(String detail) implements StoreResult {
        }
    }

    /** A video in storage, named after its tenant and session. */
    record StoredVideo(TenantId tenant, ScanSessionId session, Instant storedAt) {
    }

    /**
     * A stored video where it lies, for the signal engine to read: a file on this node, or bytes kept elsewhere (an
     * object store) that are read range by range where the decoder asks, so that a worker never copies a whole video
     * before it starts decoding.
     */
    sealed interface VideoSource {

        /** The video's name (its session and container, e.g. {@code sess_..._x.mp4}), for logs. */
        String name();

        /** The video's length in bytes. */
        long size() throws IOException;

        /** The bytes from {@code position} to the end, as a stream the caller closes; empty at or past the end. */
        InputStream openAt(long position) throws IOException;

        /** A file on this node's disk. */
        record LocalFile(Path path) implements VideoSource {

            public LocalFile {
                Objects.requireNonNull(path, "path");
            }

            @Override
            public String name() {
                var name = path.getFileName();
                return name == null ? path.toString() : name.toString();
            }

            @Override
            public long size() throws IOException {
                return Files.size(path);
            }

            @Override
            public InputStream openAt(long position) throws IOException {
                var in = Files.newInputStream(path);
                in.skipNBytes(Math.min(position, Files.size(path)));
                return in;
            }
        }

        /** Bytes elsewhere, read from any position on demand; nothing is copied to this node beforehand. */
        record Remote(String name, long size, Ranges ranges) implements VideoSource {

            public Remote {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(ranges, "ranges");
                if (size < 0) {
                    throw new IllegalArgumentException("a video's size is not negative: " + size);
                }
            }

            @Override
            public InputStream openAt(long position) throws IOException {
                if (position < 0) {
                    throw new IllegalArgumentException("no position before the start: " + position);
                }
                return position >= size ? InputStream.nullInputStream() : ranges.from(position);
            }

            /** Opens the bytes from a position before the end to the end (one ranged read of an object store). */
            @FunctionalInterface
            public interface Ranges {
                InputStream from(long position) throws IOException;
            }
        }
    }
}
