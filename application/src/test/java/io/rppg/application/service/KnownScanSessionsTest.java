package io.rppg.application.service;

import io.rppg.application.port.out.ScanSessionChangesPort.ScanSessionChange;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class KnownScanSessionsTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000000a1"));

    private final KnownScanSessions known = new KnownScanSessions(3, Duration.ofMinutes(1));

    @BeforeEach
    void listen() {
        known.apply(new ScanSessionChange.Listening());
    }

    @Test
    void aSessionReadBeforeAChangeIsNotKeptAfterIt() {
        var session = pending("racedread1");
        long readAt = known.generation();
        known.apply(new ScanSessionChange.SessionChanged(TENANT, session.id()));

        known.remember(session, NOW, readAt);

        assertThat(known.find(TENANT, session.id(), NOW)).isEmpty();
        assertThat(known.size()).isZero();
    }

    @Test
    void aChangeToAnotherSessionForgetsOnlyThatOne() {
        var kept = pending("keptsess1");
        var changed = pending("changed01");
        known.remember(kept, NOW, known.generation());
        known.remember(changed, NOW, known.generation());

        known.apply(new ScanSessionChange.SessionChanged(TENANT, changed.id()));

        assertThat(known.find(TENANT, kept.id(), NOW)).contains(kept);
        assertThat(known.find(TENANT, changed.id(), NOW)).isEmpty();
    }

    @Test
    void aSessionIsKeptNoLongerThanItsLifetime() {
        var session = pending("lifetime1");
        known.remember(session, NOW, known.generation());

        assertThat(known.find(TENANT, session.id(), NOW.plusSeconds(59))).contains(session);
        assertThat(known.find(TENANT, session.id(), NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void aFullMemoryForgetsEverythingAndFillsAgain() {
        for (var name : new String[] {"fullsess1", "fullsess2", "fullsess3"}) {
            known.remember(pending(name), NOW, known.generation());
        }
        var fourth = pending("fullsess4");

        known.remember(fourth, NOW, known.generation());

        assertThat(known.size()).isEqualTo(1);
        assertThat(known.find(TENANT, fourth.id(), NOW)).contains(fourth);
    }

    private static ScanSession pending(String randomPart) {
        return ScanSession.open(ScanSessionId.issue(NOW, randomPart), TENANT, new SessionOwner("key_alice"), NOW);
    }
}
