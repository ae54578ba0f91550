package io.rppg.application.pipeline;

import io.rppg.application.port.in.ProcessScanJobUseCase.Command;
import io.rppg.application.port.in.ProcessScanJobUseCase.JobOutcome;
import io.rppg.application.service.ProcessScanJobService;
import io.rppg.domain.job.RetryPolicy;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.rppg.application.pipeline.PipelineFixture.NOW;
import static io.rppg.application.pipeline.PipelineFixture.TENANT;
import static io.rppg.application.pipeline.PipelineFixture.VITALS;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessScanJobServiceTest {

    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofMinutes(1));

    private final PipelineFixture world = new PipelineFixture();
    private final ScriptedSignalEngine engine = new ScriptedSignalEngine(world.transactions);
    private final ProcessScanJobService service = new ProcessScanJobService(world.sessions, world.quotas,
            world.tenants, world.plans, world.storage, engine, world.transactions, world.clock, POLICY, changed -> { });

    @Test
    void measuredVitalsCompleteTheSessionAndTheVideoIsDeleted() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        engine.then(new AnalysisOutcome.Measured(VITALS));

        var outcome = service.process(new Command(TENANT, session.id(), 1));

        assertThat(outcome).isInstanceOf(JobOutcome.Completed.class);
        var stored = world.stored(session);
        assertThat(stored.status()).isEqualTo(ScanStatus.COMPLETED);
        assertThat(stored.vitals()).isEqualTo(VITALS);
        assertThat(stored.finishedAt()).isEqualTo(NOW);
        assertThat(world.storage.find(TENANT, session.id())).isEmpty();
        assertThat(engine.calledInTransaction()).as("analysis runs outside any transaction").isFalse();
    }

    @Test
    void aPlanThatRetainsVideosKeepsTheVideo() {
        world.keepVideosOf(TENANT);
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        engine.then(new AnalysisOutcome.Measured(VITALS));

        service.process(new Command(TENANT, session.id(), 1));

        assertThat(world.storage.find(TENANT, session.id())).isPresent();
    }

    @Test
    void anUnusableVideoFailsTheSessionForGoodAndTheScanStaysCounted() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        var noFace = AnalysisFailure.of(FailureCode.NO_FACE_DETECTED);
        engine.then(new AnalysisOutcome.Unusable(noFace));

        var outcome = service.process(new Command(TENANT, session.id(), 1));

        assertThat(outcome).isInstanceOf(JobOutcome.FailedUnusable.class);
        var stored = world.stored(session);
        assertThat(stored.status()).isEqualTo(ScanStatus.FAILED);
        assertThat(stored.failure()).isEqualTo(noFace);
        assertThat(world.quotas.used(TENANT, UsagePeriod.monthOf(NOW))).isEqualTo(1);
        assertThat(world.storage.find(TENANT, session.id())).isEmpty();
    }

    @Test
    void aFaultWithAttemptsLeftAsksForARetryAfterThePolicysBackOffAndKeepsEverything() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        engine.thenFault("native library crashed").thenFault("again");

        var first = service.process(new Command(TENANT, session.id(), 1));
        var second = service.process(new Command(TENANT, session.id(), 2));

        assertThat(first).isInstanceOf(JobOutcome.RetryLater.class);
        assertThat(((JobOutcome.RetryLater) first).delay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(((JobOutcome.RetryLater) first).reason()).contains("native library crashed");
        assertThat(((JobOutcome.RetryLater) second).delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PROCESSING);
        assertThat(world.storage.find(TENANT, session.id())).isPresent();
    }

    @Test
    void anyRuntimeExceptionOfTheEngineIsAFaultOfThePlatform() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        var exploding = new ProcessScanJobService(world.sessions, world.quotas, world.tenants, world.plans,
                world.storage, new io.rppg.application.port.out.SignalEnginePort() {
                    @Override
                    public AnalysisOutcome analyze(io.rppg.application.port.out.VideoStoragePort.VideoSource video) {
                        throw new OutOfMemoryLikeFault();
                    }
                }, world.transactions, world.clock, POLICY, changed -> { });

        assertThat(exploding.process(new Command(TENANT, session.id(), 1))).isInstanceOf(JobOutcome.RetryLater.class);
    }

    @Test
    void anEngineReportingItsOwnProcessingErrorIsRetriedLikeAFault() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        engine.then(new AnalysisOutcome.Unusable(AnalysisFailure.of(FailureCode.PROCESSING_ERROR)));

        assertThat(service.process(new Command(TENANT, session.id(), 1))).isInstanceOf(JobOutcome.RetryLater.class);
        assertThat(world.stored(session).status()).isEqualTo(ScanStatus.PROCESSING);
    }

    @Test
    void whenAttemptsAreSpentTheSessionFailsWithAProcessingErrorTheVideoGoesAndTheScanIsGivenBack() {
        // Created in March, still faulting in April: the scan goes back to March.
        Instant march = NOW;
        var session = world.processingSession(TENANT, march);
        world.clock.set(Instant.parse("2026-04-01T00:05:00Z"));
        engine.thenFault("disk error");

        var outcome = service.process(new Command(TENANT, session.id(), 3));

        assertThat(outcome).isInstanceOf(JobOutcome.GaveUp.class);
        var stored = world.stored(session);
        assertThat(stored.status()).isEqualTo(ScanStatus.FAILED);
        assertThat(stored.failure().code()).isEqualTo(FailureCode.PROCESSING_ERROR);
        assertThat(world.quotas.used(TENANT, UsagePeriod.monthOf(march))).isZero();
        assertThat(world.storage.find(TENANT, session.id())).isEmpty();
    }

    @Test
    void aRepeatedDeliveryOfAFinishedJobDoesNothingAndNeverGivesBackTwice() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        world.quotas.setUsed(TENANT, UsagePeriod.monthOf(NOW), 5);
        engine.thenFault("disk error");
        service.process(new Command(TENANT, session.id(), 3));

        var again = service.process(new Command(TENANT, session.id(), 4));

        assertThat(again).isInstanceOf(JobOutcome.NothingToDo.class);
        assertThat(engine.calls()).isEqualTo(1);
        assertThat(world.quotas.used(TENANT, UsagePeriod.monthOf(NOW))).isEqualTo(4);
    }

    @Test
    void aRepeatedDeliveryDeletesAVideoThatOutlivedItsFinishedSession() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        world.sessions.save(world.stored(session).complete(VITALS, NOW));

        var outcome = service.process(new Command(TENANT, session.id(), 1));

        assertThat(outcome).isInstanceOf(JobOutcome.NothingToDo.class);
        assertThat(world.storage.find(TENANT, session.id())).isEmpty();
        assertThat(engine.calls()).isZero();
    }

    /** A video that kills its worker: the dead attempts are counted, and the one after the last is not run. */
    @Test
    void anAttemptBeyondTheLastIsNotRunButGivesTheScanBack() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));

        var outcome = service.process(new Command(TENANT, session.id(), POLICY.maxAttempts() + 1));

        assertThat(outcome).isInstanceOf(JobOutcome.GaveUp.class);
        assertThat(engine.calls()).isZero();
        assertThat(world.stored(session).failure().code()).isEqualTo(FailureCode.PROCESSING_ERROR);
        assertThat(world.quotas.used(TENANT, UsagePeriod.monthOf(NOW))).isZero();
        assertThat(world.storage.find(TENANT, session.id())).isEmpty();
    }

    @Test
    void aSessionThatDoesNotExistIsNothingToDo() {
        var outcome = service.process(new Command(TENANT, ScanSessionId.issue(NOW, "gonegone"), 1));

        assertThat(outcome).isInstanceOf(JobOutcome.NothingToDo.class);
        assertThat(engine.calls()).isZero();
    }

    @Test
    void aProcessingSessionWhoseVideoIsMissingFailsAtOnceAndGetsItsScanBack() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        world.storage.delete(TENANT, session.id());

        var outcome = service.process(new Command(TENANT, session.id(), 1));

        assertThat(outcome).isInstanceOf(JobOutcome.GaveUp.class);
        assertThat(world.quotas.used(TENANT, UsagePeriod.monthOf(NOW))).isZero();
        assertThat(engine.calls()).isZero();
    }

    @Test
    void aSessionFinishedByAnotherWorkerDuringTheAnalysisIsLeftAsItIs() {
        var session = world.processingSession(TENANT, NOW.minusSeconds(120));
        engine.thenDuringAnalysis(() -> finishingMeanwhile(session));

        var outcome = service.process(new Command(TENANT, session.id(), 1));

        assertThat(engine.calls()).isEqualTo(1);
        assertThat(outcome).isInstanceOf(JobOutcome.NothingToDo.class);
        assertThat(world.stored(session).failure().code()).isEqualTo(FailureCode.FACE_LOST);
    }

    private AnalysisOutcome finishingMeanwhile(ScanSession session) {
        world.sessions.save(world.stored(session).fail(AnalysisFailure.of(FailureCode.FACE_LOST), NOW));
        return new AnalysisOutcome.Measured(VITALS);
    }

    private static final class OutOfMemoryLikeFault extends RuntimeException {
    }
}
