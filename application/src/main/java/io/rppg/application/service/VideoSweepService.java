package io.rppg.application.service;

import io.rppg.application.port.in.SweepVideosUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.domain.session.ScanStatus;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Deletes stored videos that no session needs: the session is gone, finished (and its plan does not retain
 * videos), or still pending although its video was stored longer ago than the grace period, which means the
 * upload was never accepted.
 */
public final class VideoSweepService implements SweepVideosUseCase {

    private static final System.Logger log = System.getLogger(VideoSweepService.class.getName());

    private final VideoStoragePort storage;
    private final ScanSessionPort sessions;
    private final TenantPort tenants;
    private final TenantPlans tenantPlans;
    private final TransactionPort transactions;
    private final ClockPort clock;

    public VideoSweepService(VideoStoragePort storage, ScanSessionPort sessions, TenantPort tenants, PlanPort plans,
                             TransactionPort transactions, ClockPort clock) {
        this.storage = storage;
        this.sessions = sessions;
        this.tenants = tenants;
        this.tenantPlans = new TenantPlans(tenants, plans);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SweepReport sweepVideos(Duration grace) {
        var cutoff = clock.now().minus(grace);
        int deleted = 0;
        for (var video : storage.storedVideos()) {
            if (!video.storedAt().isBefore(cutoff)) {
                continue;
            }
            boolean needed = transactions.inTenantTransaction(video.tenant(), () -> {
                if (tenants.findById(video.tenant()).isEmpty()) {
                    return false;
                }
                var session = sessions.findById(video.tenant(), video.session()).orElse(null);
                if (session == null) {
                    return false;
                }
                if (session.status() == ScanStatus.PROCESSING) {
                    return true;
                }
                return session.status().isFinished() && tenantPlans.planOf(video.tenant()).retainVideo();
            });
            if (!needed && storage.delete(video.tenant(), video.session())) {
                deleted++;
            }
        }
        int unaccepted = storage.deleteUnacceptedUploadsOlderThan(cutoff);
        if (deleted + unaccepted > 0) {
            log.log(Level.INFO, "Swept {0} unneeded videos and {1} uploads never accepted", deleted, unaccepted);
        }
        return new SweepReport(deleted, unaccepted);
    }
}
