package io.rppg.application.service;

import io.rppg.application.port.in.RecordScanEventUseCase;
import io.rppg.application.port.in.ProcessScanJobUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.SignalEnginePort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.domain.job.RetryPolicy;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;

import java.lang.System.Logger.Level;
import java.util.function.Function;

/**
 * The worker's side of a scan: analyse the video outside any transaction, then record vitals or failure in a
 * tenant transaction, and delete the video unless the plan keeps videos.
 *
 * <ul>
 *     <li>an unusable video fails the session for good: no retry, the scan stays counted;</li>
 *     <li>a fault of the platform asks for another attempt after the policy's back-off; once the policy's attempts
 *     are spent the session fails with {@link FailureCode#PROCESSING_ERROR} and the scan is given back;</li>
 *     <li>a session that is gone or no longer processing is left alone, so a repeated delivery does nothing.</li>
 * </ul>
 */
public final class ProcessScanJobService implements ProcessScanJobUseCase {

    private static final System.Logger log = System.getLogger(ProcessScanJobService.class.getName());

    private final ScanSessionPort sessions;
    private final ScanQuotaPort quotas;
    private final TenantPlans tenantPlans;
    private final VideoStoragePort storage;
    private final SignalEnginePort engine;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final RetryPolicy retryPolicy;
    private final RecordScanEventUseCase scanEvents;

    /**
     * @param scanEvents told of the session's end (completed or failed) inside the transaction that records it
     *                    (webhook deliveries are stored if and only if the ending is)
     */
    public ProcessScanJobService(ScanSessionPort sessions, ScanQuotaPort quotas, TenantPort tenants, PlanPort plans,
                                 VideoStoragePort storage, SignalEnginePort engine, TransactionPort transactions,
                                 ClockPort clock, RetryPolicy retryPolicy, RecordScanEventUseCase scanEvents) {
        this.scanEvents = scanEvents;
        this.sessions = sessions;
        this.quotas = quotas;
        this.tenantPlans = new TenantPlans(tenants, plans);
        this.storage = storage;
        this.engine = engine;
        this.transactions = transactions;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public JobOutcome process(Command command) {
        var tenant = command.tenant();
        var sessionId = command.sessionId();
        var start = transactions.inTenantTransaction(tenant, () -> {
            var session = sessions.findById(tenant, sessionId).orElse(null);
            return new Start(session, session == null ? false : tenantPlans.planOf(tenant).retainVideo());
        });
        if (start.session() == null) {
            return new JobOutcome.NothingToDo("session " + sessionId + " does not exist");
        }
        if (start.session().status() != ScanStatus.PROCESSING) {
            // An earlier delivery finished it; make sure its video did not outlive it.
            deleteVideoUnlessRetained(command, start.retainVideo());
            return new JobOutcome.NothingToDo("session " + sessionId + " is " + start.session().status());
        }

        if (command.attempt() > retryPolicy.maxAttempts()) {
            // The earlier attempts never reported back: their worker died, perhaps on this very video.
            log.log(Level.ERROR, "Attempt {0} for {1} follows attempts whose workers died; giving up",
                    command.attempt(), sessionId);
            return giveUp(command, start.retainVideo());
        }
        var video = storage.find(tenant, sessionId);
        if (video.isEmpty()) {
            // No attempt can succeed without the video: a fault of the platform, given up at once.
            log.log(Level.ERROR, "The video of processing session {0} is missing", sessionId);
            return giveUp(command, start.retainVideo());
        }

        AnalysisOutcome outcome;
        try {
            outcome = engine.analyze(video.get());
        } catch (RuntimeException fault) {
            return afterFault(command, start.retainVideo(), describe(fault));
        }
        if (outcome instanceof AnalysisOutcome.Unusable(var failure) && !failure.code().isVideoFault()) {
            return afterFault(command, start.retainVideo(), failure.message());
        }

        var analysed = outcome;
        JobOutcome finished = finish(command, session -> switch (analysed) {
            case AnalysisOutcome.Measured(var vitals) ->
                    new JobOutcome.Completed(record(session.complete(vitals, clock.now())));
            case AnalysisOutcome.Unusable(var failure) ->
                    new JobOutcome.FailedUnusable(record(session.fail(failure, clock.now())));
        });
        deleteVideoUnlessRetained(command, start.retainVideo());
        return finished;
    }

    private JobOutcome afterFault(Command command, boolean retainVideo, String reason) {
        if (retryPolicy.allowsAnotherAttemptAfter(command.attempt())) {
            log.log(Level.WARNING, "Attempt {0} for {1} faulted, will retry: {2}",
                    command.attempt(), command.sessionId(), reason);
            return new JobOutcome.RetryLater(retryPolicy.delayAfterAttempt(command.attempt()), reason);
        }
        log.log(Level.ERROR, "Attempt {0} for {1} faulted, giving up: {2}",
                command.attempt(), command.sessionId(), reason);
        return giveUp(command, retainVideo);
    }

    private JobOutcome giveUp(Command command, boolean retainVideo) {
        JobOutcome outcome = finish(command, session -> {
            var failed = record(session.fail(AnalysisFailure.of(FailureCode.PROCESSING_ERROR), clock.now()));
            quotas.giveBackOne(command.tenant(), UsagePeriod.monthOf(session.createdAt()));
            return new JobOutcome.GaveUp(failed);
        });
        deleteVideoUnlessRetained(command, retainVideo);
        return outcome;
    }

    /** Applies the ending to the session if it is still processing, in one tenant transaction. */
    private JobOutcome finish(Command command, Function<ScanSession, JobOutcome> ending) {
        return transactions.inTenantTransaction(command.tenant(), () -> {
            // Locked: should a job ever run twice at once (a worker taken for dead while still alive), the second
            // to finish waits here, then finds the session ended and records nothing, so a scan ends exactly once.
            var session = sessions.findByIdForUpdate(command.tenant(), command.sessionId()).orElse(null);
            if (session == null || session.status() != ScanStatus.PROCESSING) {
                return new JobOutcome.NothingToDo("session " + command.sessionId() + " was finished meanwhile");
            }
            return ending.apply(session);
        });
    }

    private ScanSession record(ScanSession ended) {
        var saved = sessions.save(ended);
        scanEvents.scanChanged(saved);
        return saved;
    }

    private void deleteVideoUnlessRetained(Command command, boolean retainVideo) {
        if (retainVideo) {
            return;
        }
        try {
            storage.delete(command.tenant(), command.sessionId());
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not delete the video of " + command.sessionId(), e);
        }
    }

    private static String describe(RuntimeException fault) {
        var message = fault.getMessage();
        return fault.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private record Start(ScanSession session, boolean retainVideo) {
    }
}
