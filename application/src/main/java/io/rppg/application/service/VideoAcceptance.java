package io.rppg.application.service;

import io.rppg.application.port.in.RecordScanEventUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.JobQueuePort;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoProbePort;
import io.rppg.application.port.out.VideoProbePort.ProbeResult;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import io.rppg.domain.job.ProcessingJob;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The second half of every upload, however its bytes arrived: probes that the stored upload's container opens, then,
 * in one transaction, moves the session to processing, keeps the upload as the session's video with the client's
 * metadata and queues its analysis. Whatever is refused leaves no file and no metadata behind, and of uploads racing
 * for one session exactly one is accepted.
 */
final class VideoAcceptance {

    private static final System.Logger log = System.getLogger(VideoAcceptance.class.getName());

    private final ScanSessionPort sessions;
    private final VideoStoragePort storage;
    private final VideoProbePort probe;
    private final JobQueuePort jobs;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final RecordScanEventUseCase scanEvents;
    private final ScanMetadataPort metadata;

    VideoAcceptance(ScanSessionPort sessions, VideoStoragePort storage, VideoProbePort probe, JobQueuePort jobs,
                    TransactionPort transactions, ClockPort clock, RecordScanEventUseCase scanEvents,
                    ScanMetadataPort metadata) {
        this.sessions = sessions;
        this.storage = storage;
        this.probe = probe;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
        this.scanEvents = scanEvents;
        this.metadata = metadata;
    }

    /** @param clientMetadata JSON kept with the acceptance, or null */
    SubmissionResult accept(TenantId tenant, ScanSessionId sessionId, StoreResult.Stored video,
                            String clientMetadata) {
        // Does the container open at all?
        switch (probeOrDiscard(video)) {
            case ProbeResult.Readable readable -> {
            }
            case ProbeResult.Unreadable(var reason) -> {
                discardQuietly(video);
                return new SubmissionResult.Unreadable(reason);
            }
        }

        // Accept and queue as one unit: a committed acceptance always has its job. The session's row lock makes
        // uploads racing for one session accept one after the other: the first finds it pending and wins, every
        // later one finds it processing. Only the winner's upload becomes the session's video, before the commit
        // that lets a worker look for it.
        var keptAsVideo = new AtomicBoolean();
        SubmissionResult result;
        try {
            result = transactions.inTenantTransaction(tenant, () -> {
                var now = clock.now();
                var session = sessions.findByIdForUpdate(tenant, sessionId).orElse(null);
                if (session == null || session.isExpiredAt(now)) {
                    return new SubmissionResult.SessionNotFound();
                }
                if (session.status() != ScanStatus.PENDING) {
                    return new SubmissionResult.VideoAlreadySubmitted();
                }
                ScanSession accepted = sessions.save(session.acceptVideo(now));
                // Kept with the acceptance, so that a request is either wholly accepted or wholly refused.
                if (clientMetadata != null) {
                    metadata.save(tenant, sessionId, clientMetadata);
                }
                storage.accept(tenant, sessionId, video);
                keptAsVideo.set(true);
                jobs.enqueue(ProcessingJob.enqueue(sessionId, tenant, now));
                scanEvents.scanChanged(accepted);
                return new SubmissionResult.Accepted(accepted);
            });
        } catch (RuntimeException e) {
            if (keptAsVideo.get()) {
                deleteUnlessAccepted(tenant, sessionId);
            } else {
                discardQuietly(video);
            }
            throw e;
        }
        if (!(result instanceof SubmissionResult.Accepted)) {
            // expired while the video streamed in, or another upload won the session
            discardQuietly(video);
        }
        return result;
    }

    private ProbeResult probeOrDiscard(StoreResult.Stored video) {
        try {
            return probe.probe(video.path());
        } catch (RuntimeException e) {
            discardQuietly(video);
            throw e;
        }
    }

    private void discardQuietly(StoreResult.Stored video) {
        try {
            storage.discard(video);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not delete an upload that was not accepted; the sweep will", e);
        }
    }

    /**
     * The acceptance failed after this upload had become the session's video: deletes it while the session is
     * still pending. The row lock waits for an upload being accepted at this moment, whose video this then is.
     */
    private void deleteUnlessAccepted(TenantId tenant, ScanSessionId sessionId) {
        try {
            transactions.inTenantTransaction(tenant, () -> {
                var session = sessions.findByIdForUpdate(tenant, sessionId);
                if (session.isEmpty() || session.get().status() == ScanStatus.PENDING) {
                    storage.delete(tenant, sessionId);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not clean up the video of " + sessionId, e);
        }
    }
}
