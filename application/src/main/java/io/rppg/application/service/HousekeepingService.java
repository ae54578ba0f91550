package io.rppg.application.service;

import io.rppg.application.port.in.SweepUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.LoginThrottlePort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.domain.identity.LoginThrottle;
import io.rppg.domain.session.ScanStatus;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what nothing needs any more. Stored videos: the session is gone, finished (and its plan does not retain
 * videos), or still pending although its video was stored longer ago than the grace period, which means the upload
 * was never accepted. Then, in platform transactions since each spans tenants (or has none), login throttles, refresh
 * tokens and delivered webhooks that have served their time.
 */
public final class HousekeepingService implements SweepUseCase {

    private static final System.Logger log = System.getLogger(HousekeepingService.class.getName());

    /** Failures older than the longest window of the login policies count for nothing (see LoginService). */
    private static final Duration THROTTLE_WINDOW = max(LoginThrottle.Policy.PER_LOGIN.window(),
            LoginThrottle.Policy.PER_ADDRESS.window());

    private final VideoStoragePort storage;
    private final ScanSessionPort sessions;
    private final TenantPort tenants;
    private final TenantPlans tenantPlans;
    private final LoginThrottlePort throttles;
    private final RefreshTokenPort refreshTokens;
    private final WebhookDeliveryPort deliveries;
    private final TransactionPort transactions;
    private final ClockPort clock;

    public HousekeepingService(VideoStoragePort storage, ScanSessionPort sessions, TenantPort tenants, PlanPort plans,
                               LoginThrottlePort throttles, RefreshTokenPort refreshTokens,
                               WebhookDeliveryPort deliveries, TransactionPort transactions, ClockPort clock) {
        this.storage = storage;
        this.sessions = sessions;
        this.tenants = tenants;
        this.tenantPlans = new TenantPlans(tenants, plans);
        this.throttles = throttles;
        this.refreshTokens = refreshTokens;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SweepReport sweep(Duration grace) {
        var now = clock.now();
        var cutoff = now.minus(grace);
        int videos = sweepVideos(cutoff);
        int unaccepted = storage.deleteUnacceptedUploadsOlderThan(cutoff);
        int throttlesDeleted = transactions.inPlatformTransaction(() -> throttles.deleteExpired(now, THROTTLE_WINDOW));
        int tokensDeleted = transactions.inPlatformTransaction(() -> refreshTokens.deleteExpiredOrRevoked(now));
        int deliveriesDeleted = transactions.inPlatformTransaction(
                () -> deliveries.deleteDeliveredBefore(now.minus(DELIVERED_WEBHOOKS_KEPT)));
        var report = new SweepReport(videos, unaccepted, throttlesDeleted, tokensDeleted, deliveriesDeleted);
        if (videos + unaccepted + throttlesDeleted + tokensDeleted + deliveriesDeleted > 0) {
            log.log(Level.INFO, "Housekeeping: {0}", report);
        }
        return report;
    }

    private int sweepVideos(Instant cutoff) {
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
        return deleted;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
