package io.rppg.application.port.out;

import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;

/**
 * Lets a session just opened in, within its tenant's plan, in one step that is never split: the owner's open sessions
 * (pending or processing, not expired when the session was opened) are counted, one scan of the period is charged,
 * and the session is stored; or nothing of it happens. Sessions opened at the same time for one owner are counted one
 * after the other, so the plan's limit of open sessions holds under a burst, and no two callers take a period's last
 * scan.
 *
 * <p>A store may commit the step less durably (a database crash right after it may lose it whole, the scan charged
 * with the session, but never one without the other).
 */
public interface ScanAdmissionPort {

    /**
     * Stores the session if its owner holds fewer open sessions than the plan allows and the period has a scan left.
     *
     * @throws IllegalStateException when the session's tenant is unknown or has no plan: a broken invariant
     */
    Admission admit(ScanSession opened, UsagePeriod period);

    /** What came of it. */
    sealed interface Admission {

        /** Stored, and one scan charged; {@code scansLeft} remain in the period. */
        record Admitted(ScanSession session, int scansLeft) implements Admission {
        }

        /** Not stored: the owner holds the plan's {@code maxOpenSessions} open sessions already. */
        record TooManyOpenSessions(int maxOpenSessions) implements Admission {
        }

        /** Not stored: the plan's {@code monthlyScans} of the period are used. */
        record NoScansAvailable(int monthlyScans) implements Admission {
        }
    }
}
