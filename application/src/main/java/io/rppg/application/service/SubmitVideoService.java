package io.rppg.application.service;

import io.rppg.application.port.in.RecordScanEventUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.JobQueuePort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoProbePort;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.port.out.VideoProbePort.ProbeResult;
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import io.rppg.domain.job.ProcessingJob;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.Plan;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes the one video of a session: checks the session, streams the upload to storage within the plan's limit,
 * probes that its container opens, and then, in one transaction, moves the session to processing, keeps the upload
 * as the session's video with the client's metadata and queues its analysis. Whatever is refused leaves no file and no
 * metadata behind, and of uploads racing for one session exactly one is accepted.
 */
public final class SubmitVideoService implements SubmitVideoUseCase {

    private static final System.Logger log = System.getLogger(SubmitVideoService.class.getName());

    private final ScanSessionPort sessions;
    private final TenantPlans tenantPlans;
    private final VideoStoragePort storage;
    private final VideoProbePort probe;
    private final JobQueuePort jobs;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final RecordScanEventUseCase scanEvents;
    private final ScanMetadataPort metadata;

    /**
     * @param scanEvents told of the session's move to processing inside the accepting transaction (webhook
     *                    deliveries are stored if and only if the acceptance is)
     */
    public SubmitVideoService(ScanSessionPort sessions, TenantPort tenants, PlanPort plans, VideoStoragePort storage,
                              VideoProbePort probe, JobQueuePort jobs, TransactionPort transactions,
                              ClockPort clock, RecordScanEventUseCase scanEvents, ScanMetadataPort metadata) {
        this.scanEvents = scanEvents;
        this.metadata = metadata;
        this.sessions = sessions;
        this.tenantPlans = new TenantPlans(tenants, plans);
        this.storage = storage;
        this.probe = probe;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SubmissionResult submitVideo(Command command) {
        var tenant = command.tenant();
        var sessionId = command.sessionId();

        // 1. Is there a session waiting for this video? Nothing is read from the client before we know.
        var check = transactions.inTenantTransaction(tenant, () -> {
            var session = sessions.findById(tenant, sessionId);
            var now = clock.now();
            if (session.isEmpty() || session.get().isExpiredAt(now)) {
                return new Check(new SubmissionResult.SessionNotFound(), null);
            }
            if (session.get().status() != ScanStatus.PENDING) {
                return new Check(new SubmissionResult.VideoAlreadySubmitted(), null);
            }
            return new Check(null, tenantPlans.planOf(tenant));
        });
        if (check.refusal() != null) {
            return check.refusal();
        }

        // 2. Stream to storage, outside any transaction: an upload may take minutes.
        StoreResult.Stored video;
        switch (storage.store(tenant, sessionId, command.content(), check.plan().maxUploadBytes())) {
            case StoreResult.Stored stored -> video = stored;
            case StoreResult.TooLarge(var maxBytes) -> {
                return new SubmissionResult.TooLarge(maxBytes);
            }
            case StoreResult.UnsupportedFormat(var detail) -> {
                log.log(Level.INFO, "Refused upload for {0}: {1} (declared {2}, name {3})", sessionId,
                        detail, command.declaredContentType(), command.fileName());
                return new SubmissionResult.UnsupportedFormat(detail);
            }
        }

        // 3. Does the container open at all?
        switch (probeOrDiscard(video)) {
            case ProbeResult.Readable readable -> {
            }
            case ProbeResult.Unreadable(var reason) -> {
                discardQuietly(video);
                return new SubmissionResult.Unreadable(reason);
            }
        }

        // 4. Accept and queue as one unit: a committed acceptance always has its job. The session's row lock makes
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
                if (command.clientMetadata() != null) {
                    metadata.save(tenant, sessionId, command.clientMetadata());
                }
                storage.accept(tenant, sessionId, video);
                keptAsVideo.set(true);
                jobs.enqueue(ProcessingJob.enqueue(sessionId, tenant, now));
                scanEvents.scanChanged(accepted);
                return new SubmissionResult.Accepted(accepted);
            });
        } catch (RuntimeException e) {
            if (keptAsVideo.get()) {
                deleteUnlessAccepted(command);
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
    private void deleteUnlessAccepted(Command command) {
        try {
            transactions.inTenantTransaction(command.tenant(), () -> {
                var session = sessions.findByIdForUpdate(command.tenant(), command.sessionId());
                if (session.isEmpty() || session.get().status() == ScanStatus.PENDING) {
                    storage.delete(command.tenant(), command.sessionId());
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not clean up the video of " + command.sessionId(), e);
        }
    }

    private record Check(SubmissionResult refusal, Plan plan) {
    }
}
