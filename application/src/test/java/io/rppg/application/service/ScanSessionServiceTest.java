package io.rppg.application.service;

import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryPlanPort;
import io.rppg.application.fakes.InMemoryScanAdmissions;
import io.rppg.application.fakes.InMemoryScanQuotaPort;
import io.rppg.application.fakes.InMemoryScanSessionChanges;
import io.rppg.application.fakes.InMemoryScanSessionPort;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.fakes.SequentialIds;
import io.rppg.application.port.in.CreateScanSessionUseCase.Command;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.out.ScanSessionChangesPort.ScanSessionChange;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanSessionServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final UsagePeriod MARCH = UsagePeriod.monthOf(NOW);
    private static final PlanId PLAN = new PlanId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000000a1"));
    private static final TenantId OTHER_TENANT = new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000000b2"));
    private static final SessionOwner OWNER = new SessionOwner("key_alice");
    private static final SessionOwner OTHER_OWNER = new SessionOwner("key_bob");
    private static final int MONTHLY_SCANS = 5;
    private static final int MAX_OPEN = 2;
    private static final Vitals VITALS = new Vitals(new HeartRate(70), Measurement.notMeasured("too short"),
            Measurement.notMeasured("too few beats"), new SignalQuality(5, 0.9, 0.9), new Confidence(0.9),
            "pos", 20, 600);

    private final InMemoryScanSessionPort sessions = new InMemoryScanSessionPort();
    private final InMemoryScanQuotaPort quotas = new InMemoryScanQuotaPort();
    private final InMemoryTenantPort tenants = new InMemoryTenantPort();
    private final InMemoryPlanPort plans = new InMemoryPlanPort();
    private final FixedClock clock = new FixedClock(NOW);
    private final SequentialIds ids = new SequentialIds();
    private final InMemoryScanSessionChanges changes = new InMemoryScanSessionChanges();
    private ScanSessionService service;

    @BeforeEach
    void setUp() {
        plans.save(new Plan(PLAN, "Basic", MONTHLY_SCANS, 60, MAX_OPEN, 50, false));
        tenants.save(Tenant.register(TENANT, "Clinic", PLAN, NOW.minus(Duration.ofDays(30))));
        tenants.save(Tenant.register(OTHER_TENANT, "Insurer", PLAN, NOW.minus(Duration.ofDays(30))));
        service = new ScanSessionService(sessions, new InMemoryScanAdmissions(sessions, quotas, tenants, plans), clock,
                ids, changes);
    }

    private SessionCreation create(TenantId tenant, SessionOwner owner) {
        return service.createScanSession(new Command(tenant, owner));
    }

    private ScanSession createdSession(TenantId tenant, SessionOwner owner) {
        SessionCreation creation = create(tenant, owner);
        assertThat(creation).isInstanceOf(SessionCreation.Created.class);
        return ((SessionCreation.Created) creation).session();
    }

    // --- creating ---------------------------------------------------------------------------------------------

    @Test
    void creatingASessionReturnsAPendingSessionOwnedByTheCaller() {
        ScanSession session = createdSession(TENANT, OWNER);

        assertThat(session.status()).isEqualTo(ScanStatus.PENDING);
        assertThat(session.tenantId()).isEqualTo(TENANT);
        assertThat(session.owner()).isEqualTo(OWNER);
        assertThat(session.createdAt()).isEqualTo(NOW);
        assertThat(session.expiresAt()).isEqualTo(NOW.plus(ScanSession.LIFETIME));
        assertThat(session.id().value()).startsWith("sess_20260315100000_");
    }

    @Test
    void creatingASessionStoresIt() {
        ScanSession session = createdSession(TENANT, OWNER);
        assertThat(sessions.findById(TENANT, session.id())).contains(session);
    }

    @Test
    void creatingASessionCountsOneScanInTheCurrentMonth() {
        createdSession(TENANT, OWNER);
        assertThat(quotas.used(TENANT, MARCH)).isEqualTo(1);
        assertThat(quotas.usage(TENANT, MARCH, MONTHLY_SCANS).left()).isEqualTo(MONTHLY_SCANS - 1);
        assertThat(quotas.used(OTHER_TENANT, MARCH)).isZero();
    }

    @Test
    void noScansAvailableWhenThePlansMonthlyScansAreSpent() {
        quotas.setUsed(TENANT, MARCH, MONTHLY_SCANS);

        SessionCreation creation = create(TENANT, OWNER);

        assertThat(creation).isEqualTo(
                new SessionCreation.NoScansAvailable(MONTHLY_SCANS, Instant.parse("2026-04-01T00:00:00Z")));
        assertThat(sessions.all()).isEmpty();
        assertThat(quotas.used(TENANT, MARCH)).isEqualTo(MONTHLY_SCANS);
    }

    @Test
    void theLastScanOfTheMonthIsStillGranted() {
        quotas.setUsed(TENANT, MARCH, MONTHLY_SCANS - 1);
        assertThat(create(TENANT, OWNER)).isInstanceOf(SessionCreation.Created.class);
        assertThat(quotas.used(TENANT, MARCH)).isEqualTo(MONTHLY_SCANS);
    }

    @Test
    void spendingEveryScanOneByOneEndsInNoScansAvailable() {
        for (int i = 0; i < MONTHLY_SCANS; i++) {
            SessionOwner owner = new SessionOwner("key_" + i);
            assertThat(create(TENANT, owner)).as("scan " + (i + 1)).isInstanceOf(SessionCreation.Created.class);
        }
        assertThat(create(TENANT, new SessionOwner("key_last")))
                .isEqualTo(new SessionCreation.NoScansAvailable(MONTHLY_SCANS, MARCH.end()));
    }

    @Test
    void scansRenewWithTheNextMonth() {
        quotas.setUsed(TENANT, MARCH, MONTHLY_SCANS);
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(create(TENANT, OWNER)).isInstanceOf(SessionCreation.Created.class);
    }

    @Test
    void anotherTenantsSpentScansDoNotAffectTheCaller() {
        quotas.setUsed(OTHER_TENANT, MARCH, MONTHLY_SCANS);
        assertThat(create(TENANT, OWNER)).isInstanceOf(SessionCreation.Created.class);
    }

    @Test
    void tooManyOpenSessionsWhenTheOwnerHoldsTheMaximum() {
        for (int i = 0; i < MAX_OPEN; i++) {
            createdSession(TENANT, OWNER);
        }

        assertThat(create(TENANT, OWNER)).isEqualTo(new SessionCreation.TooManyOpenSessions(MAX_OPEN));
        assertThat(sessions.all()).hasSize(MAX_OPEN);
    }

    @Test
    void aRefusalForTooManyOpenSessionsSpendsNoScan() {
        for (int i = 0; i < MAX_OPEN; i++) {
            createdSession(TENANT, OWNER);
        }
        create(TENANT, OWNER);
        assertThat(quotas.used(TENANT, MARCH)).isEqualTo(MAX_OPEN);
    }

    @Test
    void processingSessionsCountAsOpen() {
        ScanSession first = createdSession(TENANT, OWNER);
        sessions.save(first.acceptVideo(NOW.plusSeconds(10)));
        createdSession(TENANT, OWNER);

        assertThat(create(TENANT, OWNER)).isEqualTo(new SessionCreation.TooManyOpenSessions(MAX_OPEN));
    }

    @Test
    void otherOwnersOpenSessionsDoNotCount() {
        for (int i = 0; i < MAX_OPEN; i++) {
            createdSession(TENANT, OTHER_OWNER);
        }
        assertThat(create(TENANT, OWNER)).isInstanceOf(SessionCreation.Created.class);
    }

    @Test
    void theSameOwnerNameInAnotherTenantDoesNotCount() {
        for (int i = 0; i < MAX_OPEN; i++) {
            createdSession(OTHER_TENANT, OWNER);
        }
        assertThat(create(TENANT, OWNER)).isInstanceOf(SessionCreation.Created.class);
    }

    @Test
    void finishedSessionsDoNotCount() {
        ScanSession toComplete = createdSession(TENANT, OWNER);
        ScanSession toFail = createdSession(TENANT, OWNER);
        sessions.save(toComplete.acceptVideo(NOW.plusSeconds(5)).complete(VITALS, NOW.plusSeconds(9)));
        sessions.save(toFail.acceptVideo(NOW.plusSeconds(5))
                .fail(AnalysisFailure.of(FailureCode.NO_FACE_DETECTED), NOW.plusSeconds(8)));

        assertThat(create(TENANT, OWNER)).isInstanceOf(SessionCreation.Created.class);
    }

    @Test
    void expiredSessionsDoNotCount() {
        for (int i = 0; i < MAX_OPEN; i++) {
            createdSession(TENANT, OWNER);
        }
        clock.advance(ScanSession.LIFETIME);

        assertThat(create(TENANT, OWNER)).isInstanceOf(SessionCreation.Created.class);
    }

    @Test
    void sessionsStayOpenUntilTheirLastMoment() {
        for (int i = 0; i < MAX_OPEN; i++) {
            createdSession(TENANT, OWNER);
        }
        clock.advance(ScanSession.LIFETIME.minusNanos(1));

        assertThat(create(TENANT, OWNER)).isEqualTo(new SessionCreation.TooManyOpenSessions(MAX_OPEN));
    }

    @Test
    void anUnknownTenantIsABrokenInvariant() {
        TenantId unknown = new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000000ff"));
        assertThatThrownBy(() -> create(unknown, OWNER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown tenant");
    }

    @Test
    void aTenantWithoutAStoredPlanIsABrokenInvariant() {
        TenantId orphan = new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000000ee"));
        tenants.save(Tenant.register(orphan, "Orphan",
                new PlanId(UUID.fromString("00000000-0000-4000-8000-000000000099")), NOW));
        assertThatThrownBy(() -> create(orphan, OWNER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no plan");
    }

    @Test
    void aCommandNeedsTenantAndOwner() {
        assertThatThrownBy(() -> new Command(null, OWNER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command(TENANT, null)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- reading ----------------------------------------------------------------------------------------------

    @Test
    void getScanSessionReturnsTheCallersSession() {
        ScanSession session = createdSession(TENANT, OWNER);
        clock.advance(Duration.ofMinutes(5));

        assertThat(service.getScanSession(TENANT, session.id())).contains(session);
    }

    @Test
    void getScanSessionReturnsAFinishedSessionWithinItsLifetime() {
        ScanSession session = createdSession(TENANT, OWNER);
        ScanSession failed = sessions.save(session.acceptVideo(NOW.plusSeconds(5))
                .fail(AnalysisFailure.of(FailureCode.NO_FACE_DETECTED), NOW.plusSeconds(8)));
        clock.advance(Duration.ofHours(1));

        assertThat(service.getScanSession(TENANT, session.id())).contains(failed);
    }

    @Test
    void getScanSessionIsEmptyForAnotherTenantsSession() {
        ScanSession theirs = createdSession(OTHER_TENANT, OWNER);

        assertThat(service.getScanSession(TENANT, theirs.id())).isEmpty();
        assertThat(service.getScanSession(OTHER_TENANT, theirs.id())).contains(theirs);
    }

    @Test
    void getScanSessionIsEmptyForAnExpiredSession() {
        ScanSession session = createdSession(TENANT, OWNER);
        clock.advance(ScanSession.LIFETIME);

        assertThat(service.getScanSession(TENANT, session.id())).isEmpty();
    }

    @Test
    void getScanSessionReturnsTheSessionJustBeforeItExpires() {
        ScanSession session = createdSession(TENANT, OWNER);
        clock.advance(ScanSession.LIFETIME.minusNanos(1));

        assertThat(service.getScanSession(TENANT, session.id())).contains(session);
    }

    @Test
    void getScanSessionIsEmptyForAnUnknownId() {
        assertThat(service.getScanSession(TENANT, new ScanSessionId("sess_20260315100000_nothere1"))).isEmpty();
    }

    // --- answering polls from memory --------------------------------------------------------------------------

    @Test
    void aPolledSessionIsAnsweredFromMemoryUntilTheFeedSaysItChanged() {
        changes.publish(new ScanSessionChange.Listening());
        ScanSession session = createdSession(TENANT, OWNER);
        assertThat(service.getScanSession(TENANT, session.id())).contains(session);

        ScanSession processing = sessions.save(session.acceptVideo(NOW.plusSeconds(5)));
        assertThat(service.getScanSession(TENANT, session.id())).as("remembered").contains(session);

        changes.publish(new ScanSessionChange.SessionChanged(TENANT, session.id()));
        assertThat(service.getScanSession(TENANT, session.id())).contains(processing);
    }

    @Test
    void aRememberedSessionIsNotAnsweredToAnotherTenantNorPastItsExpiry() {
        changes.publish(new ScanSessionChange.Listening());
        ScanSession session = createdSession(TENANT, OWNER);
        assertThat(service.getScanSession(TENANT, session.id())).contains(session);

        assertThat(service.getScanSession(OTHER_TENANT, session.id())).isEmpty();
        clock.advance(ScanSession.LIFETIME);
        assertThat(service.getScanSession(TENANT, session.id())).isEmpty();
    }

    @Test
    void nothingIsRememberedWhileTheFeedDoesNotListen() {
        ScanSession session = createdSession(TENANT, OWNER);
        assertThat(service.getScanSession(TENANT, session.id())).contains(session);

        ScanSession processing = sessions.save(session.acceptVideo(NOW.plusSeconds(5)));
        assertThat(service.getScanSession(TENANT, session.id())).contains(processing);
    }

    @Test
    void anInterruptedFeedForgetsEverySessionAndRemembersNoneUntilItListensAgain() {
        changes.publish(new ScanSessionChange.Listening());
        ScanSession session = createdSession(TENANT, OWNER);
        service.getScanSession(TENANT, session.id());

        changes.publish(new ScanSessionChange.Interrupted());
        ScanSession processing = sessions.save(session.acceptVideo(NOW.plusSeconds(5)));
        assertThat(service.getScanSession(TENANT, session.id())).contains(processing);
        ScanSession failed = sessions.save(processing.fail(AnalysisFailure.of(FailureCode.NO_FACE_DETECTED),
                NOW.plusSeconds(8)));
        assertThat(service.getScanSession(TENANT, session.id())).contains(failed);
    }

    @Test
    void aFinishedSessionIsReadEachTime() {
        changes.publish(new ScanSessionChange.Listening());
        ScanSession session = createdSession(TENANT, OWNER);
        ScanSession failed = sessions.save(session.acceptVideo(NOW.plusSeconds(5))
                .fail(AnalysisFailure.of(FailureCode.NO_FACE_DETECTED), NOW.plusSeconds(8)));
        assertThat(service.getScanSession(TENANT, session.id())).contains(failed);

        sessions.save(session.acceptVideo(NOW.plusSeconds(5)));
        assertThat(service.getScanSession(TENANT, session.id())).map(ScanSession::status)
                .contains(ScanStatus.PROCESSING);
    }
}
