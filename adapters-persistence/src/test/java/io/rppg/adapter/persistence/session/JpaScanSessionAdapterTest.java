package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.ScanSessionPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;
import org.junit.jupiter.api.Test;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.PulseSpectrum;
import io.rppg.domain.vitals.PulseWaveform;
import io.rppg.domain.vitals.RecordingArtifact;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresAdapters
class JpaScanSessionAdapterTest extends ScanSessionPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private ScanSessionPort sessions;
    @Autowired
    private JdbcTemplate jdbc;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ScanSessionPort sessions() {
        return sessions;
    }

    /**
     * A poll reads outside a transaction with the tenant's scope in the same round trip: the scope must end with
     * that read, or the pooled connection would carry one tenant into the next caller's work.
     */
    @Test
    void aReadOutsideATransactionLeavesNoTenantScopeOnItsConnection() throws Exception {
        var tenant = newTenant();
        var session = save(tenant, ScanSession.open(newId(now()), tenant.id(), OWNER, now()));

        try (var connection = jdbc.getDataSource().getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(JpaScanSessionAdapter.readScoped(connection, tenant.id(), session.id())).contains(session);
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT coalesce(current_setting('rppg.tenant_id', true), ''),"
                         + " (SELECT count(*) FROM scan_sessions)")) {
                rows.next();
                assertThat(rows.getString(1)).isEmpty();
                assertThat(rows.getLong(2)).as("without a scope no tenant's rows are visible").isZero();
            }
        }
    }

    /** Only a database can make one transaction wait for another: what lets exactly one of racing uploads win. */
    @Test
    void aSessionReadForUpdateWaitsForTheTransactionHoldingItAndThenSeesItsChange() throws Exception {
        var tenant = newTenant();
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

    /** The stretches a result found disturbed are read back with it, by its tenant only; none is an empty list. */
    @Test
    void theArtifactsOfAResultAreReadBackWithIt() {
        var tenant = newTenant();
        var stranger = newTenant();
        var now = now();
        var artifacts = List.of(new RecordingArtifact(RecordingArtifact.Type.REGION_LEFT_OUT, 4.0, 5.9),
                new RecordingArtifact(RecordingArtifact.Type.EXPOSURE_STEP, 7.0, 7.0));
        var pulse = new Vitals(new HeartRate(70), Measurement.notMeasured("short"), Measurement.notMeasured("short"),
                new SignalQuality(3, null, 0.7), new Confidence(0.5), "pos", 7, 210)
                .withPulse(new PulseWaveform(30, List.of(0.0, 1.0), List.of(0.0333)),
                        new PulseSpectrum(List.of(69.5, 70.0, 70.5), List.of(0.5, 1.0, 0.5), 70));
        var disturbed = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now).complete(pulse.withArtifacts(artifacts), now.plusSeconds(9)));
        var calm = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now).complete(pulse.withArtifacts(List.of()), now.plusSeconds(9)));

        assertThat(inTenant(tenant, () -> sessions.findById(tenant.id(), disturbed.id())).orElseThrow()
                .vitals().artifacts()).isEqualTo(artifacts);
        assertThat(inTenant(tenant, () -> sessions.findById(tenant.id(), calm.id())).orElseThrow()
                .vitals().artifacts()).isEmpty();
        assertThat(inTenant(stranger, () -> sessions.findById(stranger.id(), disturbed.id()))).isEmpty();
    }

    /** The pulse of a result has a row of its own, which goes when its session's row goes. */
    @Test
    void thePulseOfAResultIsDeletedWithItsSession() {
        var tenant = newTenant();
        var now = now();
        var vitals = new Vitals(new HeartRate(70), Measurement.notMeasured("short"), Measurement.notMeasured("short"),
                new SignalQuality(3, null, 0.7), new Confidence(0.5), "pos", 7, 210)
                .withPulse(new PulseWaveform(30, List.of(0.0, 1.0), List.of(0.0333)),
                        new PulseSpectrum(List.of(69.5, 70.0, 70.5), List.of(0.5, 1.0, 0.5), 70));
        var completed = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now)
                .acceptVideo(now).complete(vitals, now.plusSeconds(9)));
        String count = "SELECT count(*) FROM scan_pulses WHERE tenant_id = ? AND session_id = ?";
        assertThat(inPlatform(() -> jdbc.queryForObject(count, Integer.class, tenant.id().value(),
                completed.id().value()))).isEqualTo(1);

        inPlatform(() -> jdbc.update("DELETE FROM scan_sessions WHERE tenant_id = ? AND id = ?", tenant.id().value(),
                completed.id().value()));

        assertThat(inPlatform(() -> jdbc.queryForObject(count, Integer.class, tenant.id().value(),
                completed.id().value()))).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
