package io.rppg.application.service;

import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanAdmissionPort.Admission;
import io.rppg.application.port.out.ScanSessionChangesPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;
import java.util.Optional;

/**
 * Opens scan sessions within the plan's limits, in one step of the admission port, and reads them back. A pending or
 * processing session, which its client polls until the result is in, is answered from this node's memory until the
 * change feed says it changed ({@link KnownScanSessions}).
 */
public final class ScanSessionService implements CreateScanSessionUseCase, GetScanSessionQuery {

    /** Enough for every session being polled on a busy node; a poll's session is a few hundred bytes. */
    private static final int KNOWN_SESSIONS = 50_000;
    /** A backstop: the feed forgets a changed session within a second. */
    private static final Duration KNOWN_SESSION_LIFETIME = Duration.ofMinutes(1);

    private final ScanSessionPort sessions;
    private final ScanAdmissionPort admissions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;
    private final KnownScanSessions known = new KnownScanSessions(KNOWN_SESSIONS, KNOWN_SESSION_LIFETIME);

    public ScanSessionService(ScanSessionPort sessions, ScanAdmissionPort admissions, ClockPort clock,
                              IdGeneratorPort ids, ScanSessionChangesPort changes) {
        this.sessions = sessions;
        this.admissions = admissions;
        this.clock = clock;
        this.ids = ids;
        changes.subscribe(known::apply);
    }

    @Override
    public SessionCreation createScanSession(Command command) {
        var now = clock.now();
        var period = UsagePeriod.monthOf(now);
        var opened = ScanSession.open(ids.newScanSessionId(now), command.tenant(), command.owner(), now);
        return switch (admissions.admit(opened, period)) {
            case Admission.Admitted admitted -> new SessionCreation.Created(admitted.session());
            case Admission.TooManyOpenSessions(var maxOpenSessions) ->
                    new SessionCreation.TooManyOpenSessions(maxOpenSessions);
            case Admission.NoScansAvailable(var monthlyScans) ->
                    new SessionCreation.NoScansAvailable(monthlyScans, period.end());
        };
    }

    /**
     * From memory, or one read, which needs no transaction: the session port scopes a read outside one to the
     * tenant itself.
     */
    @Override
    public Optional<ScanSession> getScanSession(TenantId tenant, ScanSessionId id) {
        var now = clock.now();
        var session = known.find(tenant, id, now);
        if (session.isEmpty()) {
            long readAt = known.generation();
            session = sessions.findById(tenant, id);
            session.ifPresent(read -> known.remember(read, now, readAt));
        }
        return session.filter(read -> !read.isExpiredAt(now));
    }
}
