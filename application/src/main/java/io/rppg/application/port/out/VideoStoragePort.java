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
}
