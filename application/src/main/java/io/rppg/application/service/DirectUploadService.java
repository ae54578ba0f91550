package io.rppg.application.service;

import io.rppg.application.port.in.DirectUploadUseCase;
import io.rppg.application.port.in.RecordScanEventUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.DirectUploadPort;
import io.rppg.application.port.out.DirectUploadPort.Claim;
import io.rppg.application.port.out.DirectUploadPort.Grant;
import io.rppg.application.port.out.JobQueuePort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoProbePort;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.TenantId;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;

/**
 * Hands out upload URLs for sessions that wait for their video, and takes a completed direct upload through the
 * same probe, acceptance and queue as a streamed one. A refused completion deletes the object.
 */
public final class DirectUploadService implements DirectUploadUseCase {

    private static final System.Logger log = System.getLogger(DirectUploadService.class.getName());

    private final ScanSessionPort sessions;
    private final TenantPlans tenantPlans;
    private final DirectUploadPort directUploads;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final VideoAcceptance acceptance;
    private final Duration urlValidity;

    /** @param urlValidity how long an upload URL may be used */
    public DirectUploadService(ScanSessionPort sessions, TenantPort tenants, PlanPort plans, VideoStoragePort storage,
                               DirectUploadPort directUploads, VideoProbePort probe, JobQueuePort jobs,
                               TransactionPort transactions, ClockPort clock, RecordScanEventUseCase scanEvents,
                               ScanMetadataPort metadata, Duration urlValidity) {
        if (urlValidity.isNegative() || urlValidity.isZero() || urlValidity.compareTo(Duration.ofDays(7)) > 0) {
            // S3 signs for at most seven days
            throw new IllegalArgumentException("an upload URL is valid for more than 0 s and at most 7 days");
        }
        this.sessions = sessions;
        this.tenantPlans = new TenantPlans(tenants, plans);
        this.directUploads = directUploads;
        this.transactions = transactions;
        this.clock = clock;
        this.acceptance = new VideoAcceptance(sessions, storage, probe, jobs, transactions, clock, scanEvents,
                metadata);
        this.urlValidity = urlValidity;
    }

    @Override
    public UploadOffer offerUpload(OfferCommand command) {
        if (command.contentType() == null
                || !VIDEO_TYPES.contains(command.contentType().toLowerCase(Locale.ROOT))) {
            return new UploadOffer.InvalidRequest("content_type",
                    "content_type must be one of " + String.join(", ", VIDEO_TYPES.stream().sorted().toList()));
        }
        if (command.size() <= 0) {
            return new UploadOffer.InvalidRequest("size_bytes", "size_bytes must be the file's size, above 0");
        }
        var check = waitingSession(command.tenant(), command.sessionId());
        if (check.refusal() != null) {
            return new UploadOffer.Refused(check.refusal());
        }
        long maxBytes = check.plan().maxUploadBytes();
        if (command.size() > maxBytes) {
            return new UploadOffer.Refused(new SubmissionResult.TooLarge(maxBytes));
        }
        return switch (directUploads.grant(command.tenant(), command.sessionId(), command.size(),
                command.contentType().toLowerCase(Locale.ROOT), urlValidity)) {
            case Grant.Granted(var url, var headers, var expiresAt) ->
                    new UploadOffer.Offered(url, headers, command.size(), expiresAt, maxBytes);
            case Grant.Unavailable(var reason) -> new UploadOffer.Unavailable(reason);
        };
    }

    @Override
    public Completion completeUpload(TenantId tenant, ScanSessionId sessionId) {
        var check = waitingSession(tenant, sessionId);
        if (check.refusal() != null) {
            // e.g. a URL used again after its session took its video: what it put must not stay
            forgetQuietly(tenant, sessionId);
            return new Completion.Refused(check.refusal());
        }
        StoreResult.Stored video;
        switch (directUploads.claim(tenant, sessionId, check.plan().maxUploadBytes())) {
            case Claim.Claimed(var upload) -> video = upload;
            case Claim.NothingUploaded() -> {
                return new Completion.NothingUploaded();
            }
            case Claim.TooLarge(var maxBytes) -> {
                return new Completion.Refused(new SubmissionResult.TooLarge(maxBytes));
            }
            case Claim.UnsupportedFormat(var detail) -> {
                log.log(Level.INFO, "Refused direct upload for {0}: {1}", sessionId, detail);
                return new Completion.Refused(new SubmissionResult.UnsupportedFormat(detail));
            }
            case Claim.Unavailable(var reason) -> {
                return new Completion.Unavailable(reason);
            }
        }
        return switch (acceptance.accept(tenant, sessionId, video, null)) {
            case SubmissionResult.Accepted(var session) -> new Completion.Accepted(session);
            case SubmissionResult.Refusal refusal -> new Completion.Refused(refusal);
        };
    }

    /** The session if it waits for its video, with its tenant's plan; else why not. */
    private Check waitingSession(TenantId tenant, ScanSessionId sessionId) {
        return transactions.inTenantTransaction(tenant, () -> {
            var session = sessions.findById(tenant, sessionId);
            if (session.isEmpty() || session.get().isExpiredAt(clock.now())) {
                return new Check(new SubmissionResult.SessionNotFound(), null);
            }
            if (session.get().status() != ScanStatus.PENDING) {
                return new Check(new SubmissionResult.VideoAlreadySubmitted(), null);
            }
            return new Check(null, tenantPlans.planOf(tenant));
        });
    }

    private void forgetQuietly(TenantId tenant, ScanSessionId sessionId) {
        try {
            directUploads.forget(tenant, sessionId);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not delete a refused direct upload; the sweep will", e);
        }
    }

    private record Check(SubmissionResult.Refusal refusal, Plan plan) {
    }
}
