package io.rppg.application.port.in;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;

/**
 * A worker analyses the video of one processing session and records the vitals or the failure. Running it again
 * for a session that has finished does nothing, so a job that is delivered twice is harmless.
 */
public interface ProcessScanJobUseCase {

    JobOutcome process(Command command);

    /** @param attempt which try this is, 1 for the first */
    record Command(TenantId tenant, ScanSessionId sessionId, int attempt) {
        public Command {
            if (tenant == null || sessionId == null) {
                throw new IllegalArgumentException("tenant and session id are required");
            }
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
            }
        }
    }

    sealed interface JobOutcome {

        /** Vitals measured; the session is completed. */
        record Completed(ScanSession session) implements JobOutcome {
        }

        /** The video cannot be used; the session failed for good and the scan stays counted. */
        record FailedUnusable(ScanSession session) implements JobOutcome {
        }

        /** The platform faulted and attempts are left: the queue should run the job again after {@code delay}. */
        record RetryLater(Duration delay, String reason) implements JobOutcome {
        }

        /** The platform kept faulting: the session failed with a processing error and the scan was given back. */
        record GaveUp(ScanSession session) implements JobOutcome {
        }

        /** The session is gone or no longer processing (already finished by an earlier delivery). */
        record NothingToDo(String reason) implements JobOutcome {
        }
    }
}
