package io.rppg.application.pipeline;

import io.rppg.application.fakes.InMemoryLoginThrottlePort;
import io.rppg.application.fakes.InMemoryRefreshTokenPort;
import io.rppg.application.fakes.InMemoryWebhookDeliveryPort;
import io.rppg.application.fakes.InMemoryWebhookEndpointPort;
import io.rppg.application.service.HousekeepingService;
import io.rppg.domain.identity.LoginThrottle;
import io.rppg.domain.identity.RefreshToken;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.webhook.DeliveryStatus;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.rppg.application.pipeline.PipelineFixture.NOW;
import static io.rppg.application.pipeline.PipelineFixture.TENANT;
import static io.rppg.application.pipeline.PipelineFixture.VITALS;
import static org.assertj.core.api.Assertions.assertThat;

class HousekeepingServiceTest {

    private static final Duration GRACE = Duration.ofHours(1);

    private final PipelineFixture world = new PipelineFixture();
    private final InMemoryLoginThrottlePort throttles = new InMemoryLoginThrottlePort();
    private final InMemoryRefreshTokenPort refreshTokens = new InMemoryRefreshTokenPort();
    /** The endpoint every delivery of these tests is for: the outbox keeps deliveries of stored endpoints only. */
    private static final UUID ENDPOINT = UUID.randomUUID();

    private final InMemoryWebhookEndpointPort endpoints = new InMemoryWebhookEndpointPort();
    private final InMemoryWebhookDeliveryPort deliveries = new InMemoryWebhookDeliveryPort(endpoints);
    private final HousekeepingService sweep = new HousekeepingService(world.storage, world.sessions, world.tenants,
            world.plans, throttles, refreshTokens, deliveries, world.transactions, world.clock);

    @Test
    void videosOfProcessingSessionsStayWhateverTheirAge() {
        world.clock.set(NOW.minus(Duration.ofHours(5)));
        var processing = world.processingSession(TENANT, world.clock.now());
        world.clock.set(NOW);

        var report = sweep.sweep(GRACE);

        assertThat(report.videosDeleted()).isZero();
        assertThat(world.storage.find(TENANT, processing.id())).isPresent();
    }

    @Test
    void oldVideosOfFinishedPendingOrMissingSessionsGo() {
        world.clock.set(NOW.minus(Duration.ofHours(2)));
        var finished = world.processingSession(TENANT, world.clock.now());
        world.sessions.save(world.stored(finished).complete(VITALS, world.clock.now()));
        var neverAccepted = world.pendingSession(TENANT, world.clock.now());
        world.storage.put(TENANT, neverAccepted.id(), Videos.mp4(64));
        var unknown = ScanSessionId.issue(world.clock.now(), "unknownsession");
        world.storage.put(TENANT, unknown, Videos.mp4(64));
        var unknownTenant = new TenantId(UUID.randomUUID());
        world.storage.put(unknownTenant, unknown, Videos.mp4(64));
        world.clock.set(NOW);

        var report = sweep.sweep(GRACE);

        assertThat(report.videosDeleted()).isEqualTo(4);
        assertThat(world.storage.count()).isZero();
    }

    @Test
    void youngVideosStaySoAnUploadOnItsWayToAcceptanceIsNeverTouched() {
        world.clock.set(NOW.minus(Duration.ofMinutes(10)));
        var pending = world.pendingSession(TENANT, world.clock.now());
        world.storage.put(TENANT, pending.id(), Videos.mp4(64));
        world.clock.set(NOW);

        assertThat(sweep.sweep(GRACE).videosDeleted()).isZero();
        assertThat(world.storage.find(TENANT, pending.id())).isPresent();
    }

    @Test
    void aPlanThatRetainsVideosKeepsThoseOfFinishedSessions() {
        world.keepVideosOf(TENANT);
        world.clock.set(NOW.minus(Duration.ofHours(2)));
        var failed = world.processingSession(TENANT, world.clock.now());
        world.sessions.save(world.stored(failed).fail(AnalysisFailure.of(FailureCode.TOO_DARK), world.clock.now()));
        world.clock.set(NOW);

        assertThat(sweep.sweep(GRACE).videosDeleted()).isZero();
        assertThat(world.storage.find(TENANT, failed.id())).isPresent();
    }

    @Test
    void uploadsNeverAcceptedGoOnceOlderThanTheGrace() {
        var session = world.pendingSession(TENANT, NOW.minus(Duration.ofHours(3)));
        world.clock.set(NOW.minus(Duration.ofHours(2)));
        world.storage.store(TENANT, session.id(), new java.io.ByteArrayInputStream(Videos.mp4(64)), 1000);
        world.clock.set(NOW.minus(Duration.ofMinutes(10)));
        world.storage.store(TENANT, session.id(), new java.io.ByteArrayInputStream(Videos.mp4(64)), 1000);
        world.clock.set(NOW);

        var report = sweep.sweep(GRACE);

        assertThat(report.unacceptedUploadsDeleted()).isEqualTo(1);
        assertThat(world.storage.count()).isEqualTo(1);
    }

    @Test
    void loginThrottlesGoWhenTheyNeitherBlockNorCountAnyMore() {
        var window = LoginThrottle.Policy.PER_LOGIN.window();
        throttles.save("user:forgotten", new LoginThrottle(5, NOW.minus(window).minusSeconds(1), NOW.minusSeconds(60)));
        throttles.save("user:still-counted", new LoginThrottle(2, NOW.minus(window).plusSeconds(60), NOW.minusSeconds(60)));
        throttles.save("user:locked", new LoginThrottle(10, NOW.minus(window).minusSeconds(1), NOW.plusSeconds(60)));

        var report = sweep.sweep(GRACE);

        assertThat(report.loginThrottlesDeleted()).isEqualTo(1);
        assertThat(throttles.byKey).containsOnlyKeys("user:still-counted", "user:locked");
    }

    @Test
    void refreshTokensGoOnceExpiredOrRevokedButSpentOnesStayToRevealATheft() {
        var user = new UserId(UUID.randomUUID());
        var family = UUID.randomUUID();
        var live = RefreshToken.issue(UUID.randomUUID(), family, user, "live", NOW.minus(Duration.ofDays(1)));
        var spent = RefreshToken.issue(UUID.randomUUID(), family, user, "spent", NOW.minus(Duration.ofDays(2)))
                .spend(NOW.minus(Duration.ofDays(1)));
        var expired = RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), user, "expired",
                NOW.minus(RefreshToken.LIFETIME).minusSeconds(1));
        var revoked = RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), user, "revoked",
                NOW.minus(Duration.ofDays(1)));
        for (var token : java.util.List.of(live, spent, expired, revoked)) {
            refreshTokens.save(token);
        }
        refreshTokens.revokeFamily(revoked.familyId(), NOW.minusSeconds(60));

        var report = sweep.sweep(GRACE);

        assertThat(report.refreshTokensDeleted()).isEqualTo(2);
        assertThat(refreshTokens.byId).containsOnlyKeys(live.id(), spent.id());
    }

    @Test
    void deliveredWebhooksGoAfterThirtyDaysWhilePendingAndFailedOnesStay() {
        var oldDelivered = delivery(NOW.minus(Duration.ofDays(31)), 200);
        var youngDelivered = delivery(NOW.minus(Duration.ofDays(29)), 200);
        var oldFailed = delivery(NOW.minus(Duration.ofDays(31)), 0);
        endpoints.save(new WebhookEndpoint(ENDPOINT, TENANT, "https://hooks.clinic.example/rppg",
                java.util.Set.of(ScanEventType.SCAN_COMPLETED), "secret", NOW.minus(Duration.ofDays(40))));
        var oldPending = WebhookDelivery.create(UUID.randomUUID(), TENANT, ENDPOINT,
                ScanEventType.SCAN_COMPLETED, "{}", NOW.minus(Duration.ofDays(31)));
        for (var d : java.util.List.of(oldDelivered, youngDelivered, oldFailed, oldPending)) {
            deliveries.save(d);
        }

        var report = sweep.sweep(GRACE);

        assertThat(report.webhookDeliveriesDeleted()).isEqualTo(1);
        assertThat(deliveries.all()).containsExactlyInAnyOrder(youngDelivered, oldFailed, oldPending);
    }

    @Test
    void theCrossTenantPurgesRunInPlatformTransactions() {
        var tenants = new java.util.ArrayList<Object>();
        var watching = new HousekeepingService(world.storage, world.sessions, world.tenants, world.plans,
                new InMemoryLoginThrottlePort() {
                    @Override
                    public int deleteExpired(java.time.Instant now, Duration window) {
                        tenants.add(world.transactions.inTransaction() ? world.transactions.currentTenant() : "none");
                        return 0;
                    }
                }, refreshTokens, deliveries, world.transactions, world.clock);

        watching.sweep(GRACE);

        assertThat(tenants).as("inside a transaction of no tenant").containsExactly((Object) null);
    }

    /** A delivery created at {@code createdAt} and attempted once with {@code statusCode} (0: unreachable). */
    private static WebhookDelivery delivery(java.time.Instant createdAt, int statusCode) {
        var created = WebhookDelivery.create(UUID.randomUUID(), TENANT, ENDPOINT,
                ScanEventType.SCAN_COMPLETED, "{}", createdAt);
        var attempted = created.afterAttempt(statusCode, statusCode == 0 ? "unreachable" : null, createdAt,
                new io.rppg.domain.job.RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThat(attempted.status()).isEqualTo(statusCode == 200 ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED);
        return attempted;
    }
}
