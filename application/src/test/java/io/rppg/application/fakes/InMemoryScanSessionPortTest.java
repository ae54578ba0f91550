package io.rppg.application.fakes;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake must count open sessions the way the database adapter does, or the service tests prove nothing. */
class InMemoryScanSessionPortTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000000a1"));
    private static final TenantId OTHER = new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000000b2"));
    private static final SessionOwner OWNER = new SessionOwner("key_alice");

    private final InMemoryScanSessionPort sessions = new InMemoryScanSessionPort();

    private static ScanSession open(TenantId tenant, SessionOwner owner, String random) {
        return ScanSession.open(ScanSessionId.issue(NOW, random), tenant, owner, NOW);
    }

    @Test
    void countsPendingAndProcessingSessionsOfTheOwnerThatHaveNotExpired() {
        sessions.save(open(TENANT, OWNER, "aaaaaaa1"));
        sessions.save(open(TENANT, OWNER, "aaaaaaa2").acceptVideo(NOW.plusSeconds(1)));
        sessions.save(open(TENANT, OWNER, "aaaaaaa3").acceptVideo(NOW.plusSeconds(1))
                .fail(AnalysisFailure.of(FailureCode.TOO_DARK), NOW.plusSeconds(2)));
        sessions.save(open(TENANT, new SessionOwner("key_bob"), "aaaaaaa4"));
        sessions.save(open(OTHER, OWNER, "aaaaaaa5"));

        assertThat(sessions.countOpen(TENANT, OWNER, NOW.plusSeconds(10))).isEqualTo(2);
        assertThat(sessions.countOpen(TENANT, OWNER, NOW.plus(ScanSession.LIFETIME))).isZero();
    }

    @Test
    void findsOnlyTheTenantsOwnSessions() {
        ScanSession session = sessions.save(open(TENANT, OWNER, "bbbbbbb1"));
        assertThat(sessions.findById(TENANT, session.id())).contains(session);
        assertThat(sessions.findById(OTHER, session.id())).isEmpty();
    }
}
