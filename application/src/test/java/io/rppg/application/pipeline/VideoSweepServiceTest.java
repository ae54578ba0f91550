package io.rppg.application.pipeline;

import io.rppg.application.service.VideoSweepService;
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

class VideoSweepServiceTest {

    private static final Duration GRACE = Duration.ofHours(1);

    private final PipelineFixture world = new PipelineFixture();
    private final VideoSweepService sweep = new VideoSweepService(world.storage, world.sessions, world.tenants,
            world.plans, world.transactions, world.clock);

    @Test
    void videosOfProcessingSessionsStayWhateverTheirAge() {
        world.clock.set(NOW.minus(Duration.ofHours(5)));
        var processing = world.processingSession(TENANT, world.clock.now());
        world.clock.set(NOW);

        var report = sweep.sweepVideos(GRACE);

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

        var report = sweep.sweepVideos(GRACE);

        assertThat(report.videosDeleted()).isEqualTo(4);
        assertThat(world.storage.count()).isZero();
    }

    @Test
    void youngVideosStaySoAnUploadOnItsWayToAcceptanceIsNeverTouched() {
        world.clock.set(NOW.minus(Duration.ofMinutes(10)));
        var pending = world.pendingSession(TENANT, world.clock.now());
        world.storage.put(TENANT, pending.id(), Videos.mp4(64));
        world.clock.set(NOW);

        assertThat(sweep.sweepVideos(GRACE).videosDeleted()).isZero();
        assertThat(world.storage.find(TENANT, pending.id())).isPresent();
    }

    @Test
    void aPlanThatRetainsVideosKeepsThoseOfFinishedSessions() {
        world.keepVideosOf(TENANT);
        world.clock.set(NOW.minus(Duration.ofHours(2)));
        var failed = world.processingSession(TENANT, world.clock.now());
        world.sessions.save(world.stored(failed).fail(AnalysisFailure.of(FailureCode.TOO_DARK), world.clock.now()));
        world.clock.set(NOW);

        assertThat(sweep.sweepVideos(GRACE).videosDeleted()).isZero();
        assertThat(world.storage.find(TENANT, failed.id())).isPresent();
    }
}
