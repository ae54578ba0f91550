package io.rppg.application.port.out;

import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.VideoContainer;
import io.rppg.domain.tenant.TenantId;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where uploaded videos wait for analysis. A video is streamed in, never held in memory whole; whatever does not
 * end as a stored video leaves nothing behind.
 */
public interface VideoStoragePort {

    /**
     * Streams {@code content} into storage as the session's video. Reads at most {@code maxBytes + 1} bytes: a
     * longer upload is refused as {@link StoreResult.TooLarge}; content whose first bytes are no supported container
     * is refused as {@link StoreResult.UnsupportedFormat}. Both leave nothing behind. Faults of the storage itself
     * are thrown, and leave nothing behind either.
     */
    StoreResult store(TenantId tenant, ScanSessionId session, InputStream content, long maxBytes);

    /** The stored video of a session, if there is one. */
    Optional<Path> find(TenantId tenant, ScanSessionId session);

    /** Deletes every stored video of the session; true when there was one. */
    boolean delete(TenantId tenant, ScanSessionId session);

    /** Every stored video of every tenant, for the sweep that removes videos nothing needs any more. */
    List<StoredVideo> storedVideos();

    /** Deletes the leftovers of uploads that broke off (a crash mid-upload) and were last written before then. */
    int deletePartialUploadsOlderThan(Instant before);

    /** What became of an upload handed to video storage: stored, or refused with nothing left behind. */
    sealed interface StoreResult {

        record Stored(Path path, long size, VideoContainer format) implements StoreResult {
        }

        record TooLarge(long maxBytes) implements StoreResult {
        }

        record UnsupportedFormat(String detail) implements StoreResult {
        }
    }

    /** A video file in storage, named after its tenant and session. */
    record StoredVideo(TenantId tenant, ScanSessionId session, Path path, Instant storedAt) {
    }
}
