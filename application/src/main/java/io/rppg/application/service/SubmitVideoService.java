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
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.Plan;

import java.lang.System.Logger.Level;

/**
 * Takes the one video of a session: checks the session, streams the upload to storage within the plan's limit, and
 * hands it to {@link VideoAcceptance}, which probes it and accepts and queues it in one transaction. Whatever is
 * refused leaves no file and no metadata behind, and of uploads racing for one session exactly one is accepted.
 */
public final class SubmitVideoService implements SubmitVideoUseCase {

    private static final System.Logger log = System.getLogger(SubmitVideoService.class.getName());

    private final ScanSessionPort sessions;
    private final TenantPlans tenantPlans;
    private final VideoStoragePort storage;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final VideoAcceptance acceptance;

    /**
     * @param scanEvents told of the session's move to processing inside the accepting transaction (webhook
     *                    deliveries are stored if and only if the acceptance is)
     */
    public SubmitVideoService(ScanSessionPort sessions, TenantPort tenants, PlanPort plans, VideoStoragePort storage,
                              VideoProbePort probe, JobQueuePort jobs, TransactionPort transactions,
                              ClockPort clock, RecordScanEventUseCase scanEvents, ScanMetadataPort metadata) {
        this.sessions = sessions;
        this.tenantPlans = new TenantPlans(tenants, plans);
        this.storage = storage;
        this.transactions = transactions;
        this.clock = clock;
        this.acceptance = new VideoAcceptance(sessions, storage, probe, jobs, transactions, clock, scanEvents,
                metadata);
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

        // 3. Probe, accept and queue, as for every upload.
        return acceptance.accept(tenant, sessionId, video, command.clientMetadata());
    }

    private record Check(SubmissionResult refusal, Plan plan) {
    }
}
