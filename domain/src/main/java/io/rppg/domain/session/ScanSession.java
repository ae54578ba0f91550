package io.rppg.domain.session;

import io.rppg.domain.Require;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.Vitals;

import java.time.Duration;
import java.time.Instant;

/**
 * One scan: opened by a client, fed one video, and ended with vitals or a failure. Sessions live
 * {@link #LIFETIME} from their creation; after that they are gone for the client.
 */
public record ScanSession(
        ScanSessionId id,
        TenantId tenantId,
        SessionOwner owner,
        ScanStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant videoReceivedAt,
        Instant finishedAt,
        Vitals vitals,
        AnalysisFailure failure) {

    public static final Duration LIFETIME = Duration.ofHours(24);

    public ScanSession {
        Require.present(id, "scan session id");
        Require.present(tenantId, "tenant id");
        Require.present(owner, "owner");
        Require.present(status, "status");
        Require.present(createdAt, "created at");
        Require.present(expiresAt, "expires at");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must expire after it was created");
        }
        if (status == ScanStatus.COMPLETED && vitals == null) {
            throw new IllegalArgumentException("a completed session carries vitals");
        }
        if (status == ScanStatus.FAILED && failure == null) {
            throw new IllegalArgumentException("a failed session carries its failure");
        }
        if (status != ScanStatus.COMPLETED && vitals != null) {
            throw new IllegalArgumentException("only a completed session carries vitals");
        }
        if (status != ScanStatus.FAILED && failure != null) {
            throw new IllegalArgumentException("only a failed session carries a failure");
        }
    }

    public static ScanSession open(ScanSessionId id, TenantId tenantId, SessionOwner owner, Instant now) {
        return new ScanSession(id, tenantId, owner, ScanStatus.PENDING, now, now.plus(LIFETIME),
                null, null, null, null);
    }

    /** The status as a client sees it at {@code now}: a pending session past its lifetime has expired. */
    public ScanStatus statusAt(Instant now) {
        return status == ScanStatus.PENDING && isExpiredAt(now) ? ScanStatus.EXPIRED : status;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean canAcceptVideoAt(Instant now) {
        return statusAt(now) == ScanStatus.PENDING;
    }

    public ScanSession acceptVideo(Instant now) {
        if (!canAcceptVideoAt(now)) {
            throw new IllegalStateException("session " + id + " cannot accept a video while " + statusAt(now));
        }
        return new ScanSession(id, tenantId, owner, ScanStatus.PROCESSING, createdAt, expiresAt,
                now, null, null, null);
    }

    public ScanSession complete(Vitals measured, Instant now) {
        requireProcessing();
        Require.present(measured, "vitals");
        return new ScanSession(id, tenantId, owner, ScanStatus.COMPLETED, createdAt, expiresAt,
                videoReceivedAt, now, measured, null);
    }

    public ScanSession fail(AnalysisFailure why, Instant now) {
        requireProcessing();
        Require.present(why, "failure");
        return new ScanSession(id, tenantId, owner, ScanStatus.FAILED, createdAt, expiresAt,
                videoReceivedAt, now, null, why);
    }

    /** Time from upload to the end of analysis, once it has ended. */
    public Duration turnaround() {
        if (videoReceivedAt == null || finishedAt == null) {
            throw new IllegalStateException("session " + id + " has not finished processing");
        }
        return Duration.between(videoReceivedAt, finishedAt);
    }

    private void requireProcessing() {
        if (status != ScanStatus.PROCESSING) {
            throw new IllegalStateException("session " + id + " is " + status + ", not processing");
        }
    }
}
