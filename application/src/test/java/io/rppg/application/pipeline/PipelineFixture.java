package io.rppg.application.pipeline;

import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryPlanPort;
import io.rppg.application.fakes.InMemoryScanQuotaPort;
import io.rppg.application.fakes.InMemoryScanSessionPort;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The in-memory world the pipeline services run in: two tenants, a plan of 1 MB uploads, a fixed clock. */
class PipelineFixture {

    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000000a1"));
    static final TenantId OTHER_TENANT = new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000000b2"));
    static final PlanId PLAN = new PlanId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    static final PlanId KEEPING_PLAN = new PlanId(UUID.fromString("00000000-0000-4000-8000-000000000002"));
    static final int MONTHLY_SCANS = 50;
    static final Vitals VITALS = new Vitals(new HeartRate(72), Measurement.notMeasured("too short"),
            Measurement.notMeasured("too few beats"), new SignalQuality(6, 0.9, 0.8), new Confidence(0.85),
            "pos", 20, 600);

    final InMemoryScanSessionPort sessions = new InMemoryScanSessionPort();
    final InMemoryScanQuotaPort quotas = new InMemoryScanQuotaPort();
    final InMemoryTenantPort tenants = new InMemoryTenantPort();
    final InMemoryPlanPort plans = new InMemoryPlanPort();
    final FixedClock clock = new FixedClock(NOW);
    final RollbackTransactions transactions = new RollbackTransactions(sessions);
    final InMemoryVideoStorage storage = new InMemoryVideoStorage(clock);
    private int sequence;

    PipelineFixture() {
        plans.save(new Plan(PLAN, "Basic", MONTHLY_SCANS, 60, 10, 1, false));
        plans.save(new Plan(KEEPING_PLAN, "Research", MONTHLY_SCANS, 60, 10, 1, true));
        tenants.save(Tenant.register(TENANT, "Clinic", PLAN, NOW.minus(Duration.ofDays(30))));
        tenants.save(Tenant.register(OTHER_TENANT, "Insurer", PLAN, NOW.minus(Duration.ofDays(30))));
    }

    void keepVideosOf(TenantId tenant) {
        tenants.save(tenants.findById(tenant).orElseThrow().moveToPlan(KEEPING_PLAN));
    }

    /** A session opened at {@code createdAt}, its scan counted as the real service counts it. */
    ScanSession pendingSession(TenantId tenant, Instant createdAt) {
        var id = ScanSessionId.issue(createdAt, String.format("%08d", ++sequence));
        quotas.consumeOne(tenant, UsagePeriod.monthOf(createdAt), MONTHLY_SCANS);
        return sessions.save(ScanSession.open(id, tenant, new SessionOwner("key_alice"), createdAt));
    }

    ScanSession processingSession(TenantId tenant, Instant createdAt) {
        var pending = pendingSession(tenant, createdAt);
        storage.put(tenant, pending.id(), Videos.mp4(64));
        return sessions.save(pending.acceptVideo(createdAt.plusSeconds(30)));
    }

    ScanSession stored(ScanSession session) {
        return sessions.findById(session.tenantId(), session.id()).orElseThrow();
    }
}
