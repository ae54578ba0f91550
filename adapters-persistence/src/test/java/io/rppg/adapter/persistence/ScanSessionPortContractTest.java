package io.rppg.adapter.persistence;

import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.ScanSessionPort.Cursor;
import io.rppg.application.port.out.ScanSessionPort.ScanSessionPage;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ScanSessionPortContractTest extends PortContractTest {

    private static final SessionOwner OWNER = new SessionOwner("key_test");

    @Autowired
    private ScanSessionPort sessions;

    @Test
    void openedSessionIsFoundByItsTenantOnly() {
        var tenant = newTenant(10);
        var stranger = newTenant(10);
        var session = save(tenant, ScanSession.open(newId(now()), tenant.id(), OWNER, now()));

        assertThat(inTenant(tenant, () -> sessions.findById(tenant.id(), session.id()))).contains(session);
        assertThat(inTenant(stranger, () -> sessions.findById(stranger.id(), session.id()))).isEmpty();
    }

    @Test
    void completedSessionKeepsEveryVitalAndTheReasonsForMissingOnes() {
        var tenant = newTenant(10);
        var now = now();
        var vitals = new Vitals(new HeartRate(72.5),
                Measurement.notMeasured("breathing not visible"),
                Measurement.of(new HeartRateVariability(45.3, 38.1, 31)),
                new SignalQuality(12.5, 0.92, 0.88), new Confidence(0.89), "pos", 29.6, 888);
        var completed = ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now.plusSeconds(1)).complete(vitals, now.plusSeconds(9));

        save(tenant, completed);

        var stored = inTenant(tenant, () -> sessions.findById(tenant.id(), completed.id())).orElseThrow();
        assertThat(stored).isEqualTo(completed);
        assertThat(stored.vitals().respiratoryRate().reasonMissing()).contains("breathing not visible");
    }

    @Test
    void failedSessionKeepsItsFailure() {
        var tenant = newTenant(10);
        var now = now();
        var failed = ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now).fail(AnalysisFailure.of(FailureCode.NO_FACE_DETECTED), now.plusSeconds(2));

        save(tenant, failed);

        var stored = inTenant(tenant, () -> sessions.findById(tenant.id(), failed.id())).orElseThrow();
        assertThat(stored.failure().message()).isEqualTo("No face detected in video");
        assertThat(stored.status()).isEqualTo(ScanStatus.FAILED);
    }

    @Test
    void aSessionReadForUpdateWaitsForTheTransactionHoldingItAndThenSeesItsChange() throws Exception {
        var tenant = newTenant(10);
        var now = now();
        var session = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now));
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> inTenant(tenant, () -> {
                var found = sessions.findByIdForUpdate(tenant.id(), session.id()).orElseThrow();
                locked.countDown();
                awaitQuietly(release);
                return sessions.save(found.acceptVideo(now));
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            var second = pool.submit(() -> inTenant(tenant,
                    () -> sessions.findByIdForUpdate(tenant.id(), session.id()).orElseThrow().status()));
            Thread.sleep(500);

            assertThat(second.isDone()).as("the second reader waits for the first").isFalse();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(ScanStatus.PROCESSING);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void openSessionsAreCountedPerOwnerAndStopCountingWhenExpiredOrFinished() {
        var tenant = newTenant(10);
        var now = now();
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now));
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now).acceptVideo(now));
        save(tenant, ScanSession.open(newId(now), tenant.id(), new SessionOwner("key_other"), now));
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now).acceptVideo(now)
                .fail(AnalysisFailure.of(FailureCode.TOO_DARK), now));

        assertThat(inTenant(tenant, () -> sessions.countOpen(tenant.id(), OWNER, now))).isEqualTo(2);
        assertThat(inTenant(tenant, () -> sessions.countOpen(tenant.id(), OWNER, now.plus(Duration.ofHours(25)))))
                .isZero();
    }

    @Test
    void pagesRunNewestFirstFromTheCursorAndFilterByStatus() {
        var tenant = newTenant(10);
        var start = now();
        for (int i = 0; i < 5; i++) {
            var at = start.plusSeconds(i);
            var session = ScanSession.open(newId(at), tenant.id(), OWNER, at);
            save(tenant, i % 2 == 0 ? session : session.acceptVideo(at));
        }

        var first = inTenant(tenant, () -> sessions.findPage(tenant.id(), new ScanSessionPage(null, start, null, 2)));
        var last = first.get(1);
        var second = inTenant(tenant, () -> sessions.findPage(tenant.id(),
                new ScanSessionPage(null, start, new Cursor(last.createdAt(), last.id()), 10)));
        var processing = inTenant(tenant, () -> sessions.findPage(tenant.id(),
                new ScanSessionPage(ScanStatus.PROCESSING, start, null, 10)));

        assertThat(first).extracting(ScanSession::createdAt).containsExactly(start.plusSeconds(4), start.plusSeconds(3));
        assertThat(second).extracting(ScanSession::createdAt)
                .containsExactly(start.plusSeconds(2), start.plusSeconds(1), start);
        assertThat(processing).hasSize(2).allMatch(s -> s.status() == ScanStatus.PROCESSING);
    }

    @Test
    void aPendingSessionPastItsLifetimeIsListedAsExpiredAndNoLongerAsPending() {
        var tenant = newTenant(10);
        var now = now();
        var yesterday = now.minus(ScanSession.LIFETIME).minusSeconds(60);
        var expired = save(tenant, ScanSession.open(newId(yesterday), tenant.id(), OWNER, yesterday));
        var pending = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now));
        var processing = save(tenant, ScanSession.open(newId(yesterday.plusSeconds(1)), tenant.id(), OWNER,
                yesterday.plusSeconds(1)).acceptVideo(yesterday.plusSeconds(5)));

        assertThat(listed(tenant, ScanStatus.PENDING, now)).containsExactly(pending);
        assertThat(listed(tenant, ScanStatus.EXPIRED, now)).containsExactly(expired);
        assertThat(listed(tenant, ScanStatus.PROCESSING, now)).containsExactly(processing);
        assertThat(listed(tenant, null, now)).containsExactly(pending, processing, expired);
        assertThat(listed(tenant, ScanStatus.PENDING, yesterday.plusSeconds(10))).as("read a day earlier")
                .containsExactly(pending, expired);
    }

    @Test
    void countsByStatusCoverTheGivenWindowOnly() {
        var tenant = newTenant(10);
        var now = now();
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now));
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now).acceptVideo(now));
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now).acceptVideo(now));
        var lastYear = now.minus(Duration.ofDays(400));
        save(tenant, ScanSession.open(newId(lastYear), tenant.id(), OWNER, lastYear));

        var counts = inTenant(tenant, () -> sessions.countByStatus(tenant.id(), now.minusSeconds(60), now.plusSeconds(60)));

        assertThat(counts).isEqualTo(Map.of(ScanStatus.PENDING, 1L, ScanStatus.PROCESSING, 2L));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private java.util.List<ScanSession> listed(Tenant tenant, ScanStatus status, Instant asOf) {
        return inTenant(tenant, () -> sessions.findPage(tenant.id(), new ScanSessionPage(status, asOf, null, 10)));
    }

    private ScanSession save(Tenant tenant, ScanSession session) {
        return inTenant(tenant, () -> sessions.save(session));
    }

    private <T> T inTenant(Tenant tenant, java.util.function.Supplier<T> work) {
        return transactions.inTenantTransaction(tenant.id(), work);
    }

    private static ScanSessionId newId(Instant at) {
        return ScanSessionId.issue(at, UUID.randomUUID().toString().replace("-", ""));
    }
}
