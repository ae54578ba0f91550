package io.rppg.application.pipeline;

import io.rppg.application.pipeline.InMemoryVideoStorage.CountingStream;
import io.rppg.application.port.in.ProcessScanJobUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase;
import io.rppg.application.service.ProcessScanJobService;
import io.rppg.application.service.SubmitVideoService;
import io.rppg.domain.job.RetryPolicy;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.rppg.application.port.in.RecordScanEventUseCase;

import static io.rppg.application.pipeline.PipelineFixture.NOW;
import static io.rppg.application.pipeline.PipelineFixture.TENANT;
import static io.rppg.application.pipeline.PipelineFixture.VITALS;
import static org.assertj.core.api.Assertions.assertThat;

/** Each change of a session's status is told, inside the transaction that makes it, exactly once (for webhooks). */
class ScanChangeNotificationTest {

    private record Told(ScanStatus status, TenantId inTransactionOf) {
    }

    private final PipelineFixture world = new PipelineFixture();
    private final List<Told> told = new ArrayList<>();
    private final RecordScanEventUseCase listener = session -> told.add(new Told(session.status(),
            world.transactions.inTransaction() ? world.transactions.currentTenant() : null));
    private final ScriptedSignalEngine engine = new ScriptedSignalEngine(world.transactions);
    private final SubmitVideoService submit = new SubmitVideoService(world.sessions, world.tenants, world.plans,
            world.storage, new ScriptedProbe(world.storage), new RecordingJobQueue(world.transactions),
            world.transactions, world.clock, listener, new RecordingScanMetadata(world.transactions));
    private final ProcessScanJobService process = new ProcessScanJobService(world.sessions, world.quotas,
            world.tenants, world.plans, world.storage, engine, world.transactions, world.clock,
            new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(2)), listener);

    @Test
    void acceptanceAndCompletionAreToldInTheirTenantTransactions() {
        var session = world.pendingSession(TENANT, NOW.minusSeconds(60));
        engine.then(new AnalysisOutcome.Measured(VITALS));

        submit.submitVideo(new SubmitVideoUseCase.Command(TENANT, session.id(),
                new CountingStream(Videos.mp4(1024)), "video/mp4", null));
        process.process(new ProcessScanJobUseCase.Command(TENANT, session.id(), 1));
        process.process(new ProcessScanJobUseCase.Command(TENANT, session.id(), 1));

        assertThat(told).containsExactly(new Told(ScanStatus.PROCESSING, TENANT), new Told(ScanStatus.COMPLETED, TENANT));
    }

    @Test
    void unusableVideosAndSpentRetriesAreToldAsFailuresButRetriesAndRefusalsAreNot() {
        var unusable = world.processingSession(TENANT, NOW.minusSeconds(60));
        var faulty = world.processingSession(TENANT, NOW.minusSeconds(50));
        engine.then(new AnalysisOutcome.Unusable(AnalysisFailure.of(FailureCode.TOO_DARK)))
                .thenFault("first").thenFault("second");

        process.process(new ProcessScanJobUseCase.Command(TENANT, unusable.id(), 1));
        process.process(new ProcessScanJobUseCase.Command(TENANT, faulty.id(), 1));
        process.process(new ProcessScanJobUseCase.Command(TENANT, faulty.id(), 2));
        submit.submitVideo(new SubmitVideoUseCase.Command(TENANT, unusable.id(),
                new CountingStream(Videos.mp4(1024)), "video/mp4", null));

        assertThat(told).containsExactly(new Told(ScanStatus.FAILED, TENANT), new Told(ScanStatus.FAILED, TENANT));
    }
}
