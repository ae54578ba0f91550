package io.rppg.application.port.in;

import java.time.Duration;

/**
 * The platform's housekeeping, run every hour: it removes what nothing needs any more. Videos left behind by a crash
 * (between upload and acceptance, or between the end of an analysis and the deletion of its video) and uploads never
 * accepted; videos of sessions still processing, and those a plan retains, stay. Login throttles that no longer slow
 * anyone down, refresh tokens that can no longer be used, and webhook deliveries delivered more than
 * {@link #DELIVERED_WEBHOOKS_KEPT} ago.
 */
public interface SweepUseCase {

    /** How long a delivered webhook stays in a tenant's list of deliveries. */
    Duration DELIVERED_WEBHOOKS_KEPT = Duration.ofDays(30);

    /** @param grace files younger than this are left alone, so an upload on its way to acceptance is never touched */
    SweepReport sweep(Duration grace);

    record SweepReport(int videosDeleted, int unacceptedUploadsDeleted, int loginThrottlesDeleted,
                       int refreshTokensDeleted, int webhookDeliveriesDeleted) {
    }
}
