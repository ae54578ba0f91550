package io.rppg.application.contract;

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
import io.rppg.domain.vitals.HeartRatePoint;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.HeartRhythm;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.PulseSpectrum;
import io.rppg.domain.vitals.PulseWaveform;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored scan sessions, each read within its tenant's transaction and filtered by its tenant. */
public abstract class ScanSessionPortContract extends PortContract {

    protected static final SessionOwner OWNER = new SessionOwner("key_test");

    protected abstract ScanSessionPort sessions();

    @Test
    void anOpenedSessionIsFoundByItsTenantOnly() {
        var tenant = newTenant();
        var stranger = newTenant();
        var session = save(tenant, ScanSession.open(newId(now()), tenant.id(), OWNER, now()));

        assertThat(inTenant(tenant, () -> sessions().findById(tenant.id(), session.id()))).contains(session);
        assertThat(inTenant(stranger, () -> sessions().findById(stranger.id(), session.id()))).isEmpty();
    }

    @Test
    void theSameIdInTwoTenantsIsTwoSessions() {
        var tenant = newTenant();
        var other = newTenant();
        var id = newId(now());
        var mine = save(tenant, ScanSession.open(id, tenant.id(), OWNER, now()));
        var theirs = save(other, ScanSession.open(id, other.id(), new SessionOwner("key_them"), now())
                .acceptVideo(now()));

        assertThat(inTenant(tenant, () -> sessions().findById(tenant.id(), id))).contains(mine);
        assertThat(inTenant(other, () -> sessions().findById(other.id(), id))).contains(theirs);
    }

    @Test
    void aCompletedSessionKeepsEveryVitalAndTheReasonsForMissingOnes() {
        var tenant = newTenant();
        var now = now();
        var vitals = new Vitals(new HeartRate(72.5),
                Measurement.notMeasured("breathing not visible"),
                Measurement.of(new HeartRateVariability(45.3, 38.1, 31)),
                new SignalQuality(12.5, 0.92, 0.88), new Confidence(0.89), "pos", 29.6, 888);
        var completed = ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now.plusSeconds(1)).complete(vitals, now.plusSeconds(9));

        save(tenant, completed);

        var stored = inTenant(tenant, () -> sessions().findById(tenant.id(), completed.id())).orElseThrow();
        assertThat(stored).isEqualTo(completed);
        assertThat(stored.vitals().respiratoryRate().reasonMissing()).contains("breathing not visible");
    }

    @Test
    void aCompletedSessionKeepsItsHeartRateOverTimeAndRhythm() {
        var tenant = newTenant();
        var now = now();
        var series = List.of(new HeartRatePoint(5, 118.2, 0.81), new HeartRatePoint(6, 116.9, 0.77),
                new HeartRatePoint(7.5, 115.0, 0.4));
        var vitals = new Vitals(new HeartRate(101.4),
                Measurement.notMeasured("breathing not visible"),
                Measurement.notMeasured("Irregular rhythm"),
                new SignalQuality(4.5, 0.4, 0.6), new Confidence(0.25), "auto:pos", 30, 900, series,
                HeartRhythm.IRREGULAR, "No clear pulse: the skin's colour swings by only 0.08%");
        var completed = ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now.plusSeconds(1)).complete(vitals, now.plusSeconds(9));

        save(tenant, completed);

        var stored = inTenant(tenant, () -> sessions().findById(tenant.id(), completed.id())).orElseThrow();
        assertThat(stored.vitals().heartRateSeries()).isEqualTo(series);
        assertThat(stored.vitals().rhythm()).isEqualTo(HeartRhythm.IRREGULAR);
        assertThat(stored).isEqualTo(completed);
    }

    @Test
    void aCompletedSessionKeepsThePulseItsVitalsWereReadFromForItsTenantOnly() {
        var tenant = newTenant();
        var stranger = newTenant();
        var now = now();
        var waveform = new PulseWaveform(30, List.of(0.0, 0.42, 1.0, 0.31, -0.77, -1.0, -0.2), List.of(0.0667));
        var spectrum = new PulseSpectrum(List.of(36.0, 36.5, 37.0), List.of(0.12, 1.0, 0.4813), 36.6);
        var vitals = new Vitals(new HeartRate(36.6), Measurement.notMeasured("short"), Measurement.notMeasured("short"),
                new SignalQuality(3.2, null, 0.7), new Confidence(0.5), "pos", 7, 210).withPulse(waveform, spectrum);
        var completed = ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now.plusSeconds(1)).complete(vitals, now.plusSeconds(9));

        assertThat(save(tenant, completed)).isEqualTo(completed);

        var stored = inTenant(tenant, () -> sessions().findById(tenant.id(), completed.id())).orElseThrow();
        assertThat(stored).isEqualTo(completed);
        assertThat(stored.vitals().waveform()).isEqualTo(waveform);
        assertThat(stored.vitals().spectrum()).isEqualTo(spectrum);
        assertThat(inTenant(stranger, () -> sessions().findById(stranger.id(), completed.id()))).isEmpty();
    }

    @Test
    void aSessionReadOutsideATransactionIsFoundWithItsPulseByItsTenantOnly() {
        var tenant = newTenant();
        var stranger = newTenant();
        var now = now();
        var waveform = new PulseWaveform(30, List.of(0.0, 1.0, -1.0), List.of(0.0333));
        var spectrum = new PulseSpectrum(List.of(60.0, 60.5), List.of(1.0, 0.5), 60.2);
        var vitals = new Vitals(new HeartRate(60.2), Measurement.notMeasured("short"), Measurement.notMeasured("short"),
                new SignalQuality(3.2, null, 0.7), new Confidence(0.5), "pos", 7, 210).withPulse(waveform, spectrum);
        var completed = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now.plusSeconds(1)).complete(vitals, now.plusSeconds(9)));
        var pending = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now));

        assertThat(sessions().findById(tenant.id(), completed.id())).contains(completed);
        assertThat(sessions().findById(tenant.id(), completed.id()).orElseThrow().vitals().waveform())
                .isEqualTo(waveform);
        assertThat(sessions().findById(tenant.id(), pending.id())).contains(pending);
        assertThat(sessions().findById(stranger.id(), completed.id())).isEmpty();
        assertThat(sessions().findById(stranger.id(), pending.id())).isEmpty();
    }

    @Test
    void aSessionSavedAgainAfterAReadForUpdateKeepsItsPulse() {
        var tenant = newTenant();
        var now = now();
        var waveform = new PulseWaveform(30, List.of(0.0, 1.0, -1.0), List.of(0.0333));
        var spectrum = new PulseSpectrum(List.of(60.0, 60.5), List.of(1.0, 0.5), 60.2);
        var vitals = new Vitals(new HeartRate(60.2), Measurement.notMeasured("short"), Measurement.notMeasured("short"),
                new SignalQuality(3.2, null, 0.7), new Confidence(0.5), "pos", 7, 210).withPulse(waveform, spectrum);
        var completed = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now.plusSeconds(1)).complete(vitals, now.plusSeconds(9)));

        withinTenant(tenant, () -> sessions().save(
                sessions().findByIdForUpdate(tenant.id(), completed.id()).orElseThrow()));

        var stored = inTenant(tenant, () -> sessions().findById(tenant.id(), completed.id())).orElseThrow();
        assertThat(stored.vitals().waveform()).isEqualTo(waveform);
        assertThat(stored.vitals().spectrum()).isEqualTo(spectrum);
    }

    @Test
    void aSessionWithoutAPulseKeepsThatFailure() {
        var tenant = newTenant();
        var now = now();
        var failure = new AnalysisFailure(FailureCode.NO_PULSE,
                FailureCode.NO_PULSE.defaultMessage() + " The skin's colour does not change with a heartbeat");
        var failed = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now).fail(failure, now.plusSeconds(2)));

        var stored = inTenant(tenant, () -> sessions().findById(tenant.id(), failed.id())).orElseThrow();
        assertThat(stored.failure()).isEqualTo(failure);
    }

    @Test
    void aFailedSessionKeepsItsFailure() {
        var tenant = newTenant();
        var now = now();
        var failed = ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now).fail(AnalysisFailure.of(FailureCode.NO_FACE_DETECTED), now.plusSeconds(2));

        save(tenant, failed);

        var stored = inTenant(tenant, () -> sessions().findById(tenant.id(), failed.id())).orElseThrow();
        assertThat(stored).isEqualTo(failed);
        assertThat(stored.failure().message()).isEqualTo("No face detected in video");
    }

    @Test
    void pagesRunNewestFirstFromTheCursorAndFilterByStatus() {
        var tenant = newTenant();
        var start = now();
        for (int i = 0; i < 5; i++) {
            var at = start.plusSeconds(i);
            var session = ScanSession.open(newId(at), tenant.id(), OWNER, at);
            save(tenant, i % 2 == 0 ? session : session.acceptVideo(at));
        }

        var first = inTenant(tenant, () -> sessions().findPage(tenant.id(), new ScanSessionPage(null, start, null, 2)));
        var last = first.get(1);
        var second = inTenant(tenant, () -> sessions().findPage(tenant.id(),
                new ScanSessionPage(null, start, new Cursor(last.createdAt(), last.id()), 10)));
        var processing = inTenant(tenant, () -> sessions().findPage(tenant.id(),
                new ScanSessionPage(ScanStatus.PROCESSING, start, null, 10)));

        assertThat(first).extracting(ScanSession::createdAt).containsExactly(start.plusSeconds(4), start.plusSeconds(3));
        assertThat(second).extracting(ScanSession::createdAt)
                .containsExactly(start.plusSeconds(2), start.plusSeconds(1), start);
        assertThat(processing).extracting(ScanSession::createdAt)
                .containsExactly(start.plusSeconds(3), start.plusSeconds(1));
    }

    @Test
    void sessionsOpenedAtTheSameInstantArePagedByIdDescending() {
        var tenant = newTenant();
        var at = now();
        var a = save(tenant, ScanSession.open(ScanSessionId.issue(at, "aaaaaaaa"), tenant.id(), OWNER, at));
        var b = save(tenant, ScanSession.open(ScanSessionId.issue(at, "bbbbbbbb"), tenant.id(), OWNER, at));
        var c = save(tenant, ScanSession.open(ScanSessionId.issue(at, "cccccccc"), tenant.id(), OWNER, at));

        var first = inTenant(tenant, () -> sessions().findPage(tenant.id(), new ScanSessionPage(null, at, null, 2)));
        var rest = inTenant(tenant, () -> sessions().findPage(tenant.id(),
                new ScanSessionPage(null, at, new Cursor(at, b.id()), 2)));

        assertThat(first).containsExactly(c, b);
        assertThat(rest).containsExactly(a);
    }

    @Test
    void aPendingSessionPastItsLifetimeIsListedAsExpiredAndNoLongerAsPending() {
        var tenant = newTenant();
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
        var tenant = newTenant();
        var now = now();
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now));
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now).acceptVideo(now));
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now).acceptVideo(now));
        var lastYear = now.minus(Duration.ofDays(400));
        save(tenant, ScanSession.open(newId(lastYear), tenant.id(), OWNER, lastYear));
        var windowEnd = now.plusSeconds(60);
        save(tenant, ScanSession.open(newId(windowEnd), tenant.id(), OWNER, windowEnd));

        var counts = inTenant(tenant, () -> sessions().countByStatus(tenant.id(), now, windowEnd, now));

        assertThat(counts).isEqualTo(Map.of(ScanStatus.PENDING, 1L, ScanStatus.PROCESSING, 2L));
    }

    @Test
    void countsByStatusSeeAPendingSessionPastItsLifetimeAsExpired() {
        var tenant = newTenant();
        var now = now();
        var abandoned = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now));
        save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now).acceptVideo(now));
        var windowEnd = now.plusSeconds(60);

        var atItsExpiry = inTenant(tenant,
                () -> sessions().countByStatus(tenant.id(), now, windowEnd, abandoned.expiresAt()));
        var justBefore = inTenant(tenant,
                () -> sessions().countByStatus(tenant.id(), now, windowEnd, abandoned.expiresAt().minusMillis(1)));

        assertThat(atItsExpiry).isEqualTo(Map.of(ScanStatus.EXPIRED, 1L, ScanStatus.PROCESSING, 1L));
        assertThat(justBefore).isEqualTo(Map.of(ScanStatus.PENDING, 1L, ScanStatus.PROCESSING, 1L));
    }

    private java.util.List<ScanSession> listed(Tenant tenant, ScanStatus status, Instant asOf) {
        return inTenant(tenant, () -> sessions().findPage(tenant.id(), new ScanSessionPage(status, asOf, null, 10)));
    }

    protected ScanSession save(Tenant tenant, ScanSession session) {
        return inTenant(tenant, () -> sessions().save(session));
    }

    protected static ScanSessionId newId(Instant at) {
        return ScanSessionId.issue(at, UUID.randomUUID().toString().replace("-", ""));
    }
}
