package io.rppg.application.contract;

import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanAdmissionPort.Admission;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A session is let in below its owner's open sessions and with a scan of the period left, all or nothing, and never
 * past either limit, not even for callers racing each other. Admissions run on their own, as a session creation
 * calls them: outside any transaction.
 */
public abstract class ScanAdmissionPortContract extends PortContract {

    private static final SessionOwner ALICE = new SessionOwner("key_alice");
    private static final SessionOwner BOB = new SessionOwner("key_bob");

    protected abstract ScanAdmissionPort admissions();

    protected abstract ScanSessionPort sessions();

    protected abstract ScanQuotaPort quotas();

    @Test
    void sessionsAreLetInAndChargedUntilThePlansScansAreUsed() {
        var tenant = tenantOnPlan(2, 10);
        var period = UsagePeriod.monthOf(now());
        var first = opened(tenant, ALICE, now());
        var second = opened(tenant, BOB, now());
        var third = opened(tenant, BOB, now());

        assertThat(admissions().admit(first, period)).isEqualTo(new Admission.Admitted(first, 1));
        assertThat(admissions().admit(second, period)).isEqualTo(new Admission.Admitted(second, 0));
        assertThat(admissions().admit(third, period)).isEqualTo(new Admission.NoScansAvailable(2));

        assertThat(stored(tenant, first)).isTrue();
        assertThat(stored(tenant, third)).isFalse();
        assertThat(used(tenant, period)).isEqualTo(2);
    }

    @Test
    void aPlanLoweredBelowWhatWasUsedLetsNothingMoreIn() {
        var tenant = tenantOnPlan(10, 10);
        var period = UsagePeriod.monthOf(now());
        admissions().admit(opened(tenant, ALICE, now()), period);
        admissions().admit(opened(tenant, BOB, now()), period);
        var plan = inPlatform(() -> tenancy().plans().findById(tenant.planId())).orElseThrow();
        inPlatform(() -> tenancy().plans().save(new Plan(plan.id(), plan.name(), 2, plan.requestsPerMinute(),
                plan.maxOpenSessions(), plan.maxUploadMegabytes(), plan.retainVideo())));

        assertThat(admissions().admit(opened(tenant, ALICE, now()), period))
                .isEqualTo(new Admission.NoScansAvailable(2));
        assertThat(used(tenant, period)).isEqualTo(2);
    }

    @Test
    void anOwnerHoldingThePlansOpenSessionsIsRefusedAndNothingIsChargedButAnotherOwnerIsLetIn() {
        var tenant = tenantOnPlan(100, 2);
        var period = UsagePeriod.monthOf(now());
        admissions().admit(opened(tenant, ALICE, now()), period);
        admissions().admit(opened(tenant, ALICE, now()), period);
        var refused = opened(tenant, ALICE, now());

        assertThat(admissions().admit(refused, period)).isEqualTo(new Admission.TooManyOpenSessions(2));
        assertThat(stored(tenant, refused)).isFalse();
        assertThat(used(tenant, period)).isEqualTo(2);
        var bobs = opened(tenant, BOB, now());
        assertThat(admissions().admit(bobs, period)).isEqualTo(new Admission.Admitted(bobs, 97));
    }

    @Test
    void processingSessionsCountButFinishedAndExpiredOnesDoNot() {
        var tenant = tenantOnPlan(100, 1);
        var period = UsagePeriod.monthOf(now());
        var start = now();
        var held = opened(tenant, ALICE, start);
        admissions().admit(held, period);
        var processing = inTenant(tenant, () -> sessions().save(held.acceptVideo(start)));

        assertThat(admissions().admit(opened(tenant, ALICE, start), period))
                .isInstanceOf(Admission.TooManyOpenSessions.class);

        inTenant(tenant, () -> sessions().save(processing.fail(AnalysisFailure.of(FailureCode.TOO_DARK), start)));
        var next = opened(tenant, ALICE, start);
        assertThat(admissions().admit(next, period)).isInstanceOf(Admission.Admitted.class);

        var afterItsLifetime = opened(tenant, ALICE, start.plus(ScanSession.LIFETIME));
        assertThat(admissions().admit(afterItsLifetime, period)).isInstanceOf(Admission.Admitted.class);
    }

    /**
     * A session held open counts until the very moment it expires, and not a moment after, wherever that moment falls
     * against the minutes and hours of the clock.
     */
    @Test
    void openSessionsCountUntilTheMomentTheyExpire() {
        var aligned = Instant.parse("2026-11-30T10:00:00Z");
        for (var moment : List.of(aligned, aligned.plusSeconds(1), aligned.minusSeconds(1), aligned.plusSeconds(299),
                aligned.plusSeconds(599), aligned.plusSeconds(3_601))) {
            var tenant = tenantOnPlan(100, 3);
            var period = UsagePeriod.monthOf(moment);
            var expiresJustBefore = moment.minus(ScanSession.LIFETIME).minusSeconds(3);
            var expiresJustAfter = moment.minus(ScanSession.LIFETIME).plusSeconds(3);
            var expiresTomorrow = moment.minusSeconds(3_600);
            for (var opening : List.of(expiresJustBefore, expiresJustAfter, expiresTomorrow)) {
                assertThat(admissions().admit(opened(tenant, ALICE, opening), UsagePeriod.monthOf(opening)))
                        .as("opened at %s", opening).isInstanceOf(Admission.Admitted.class);
            }

            assertThat(admissions().admit(opened(tenant, ALICE, moment), period))
                    .as("the first at %s, beside two open", moment).isInstanceOf(Admission.Admitted.class);
            assertThat(admissions().admit(opened(tenant, ALICE, moment), period))
                    .as("the second at %s, beside three open", moment)
                    .isEqualTo(new Admission.TooManyOpenSessions(3));
            assertThat(admissions().admit(opened(tenant, ALICE, moment.plusSeconds(3)), period))
                    .as("at %s, as the one that expires just after it expires", moment.plusSeconds(3))
                    .isInstanceOf(Admission.Admitted.class);
        }
    }

    /** A plan without scans lets nothing in and counts nothing, even in a period nothing was counted in yet. */
    @Test
    void aPlanWithoutScansLetsNothingIn() {
        var tenant = tenantOnPlan(0, 10);
        var period = UsagePeriod.monthOf(now());
        var refused = opened(tenant, ALICE, now());

        assertThat(admissions().admit(refused, period)).isEqualTo(new Admission.NoScansAvailable(0));
        assertThat(stored(tenant, refused)).isFalse();
        assertThat(used(tenant, period)).isZero();
    }

    @Test
    void periodsAndTenantsAreCountedApart() {
        var tenant = tenantOnPlan(1, 10);
        var other = tenantOnPlan(1, 10);
        var thisMonth = UsagePeriod.monthOf(now());
        var nextMonth = UsagePeriod.monthOf(thisMonth.end());
        admissions().admit(opened(tenant, ALICE, now()), thisMonth);

        assertThat(admissions().admit(opened(tenant, BOB, thisMonth.end()), nextMonth))
                .isInstanceOf(Admission.Admitted.class);
        assertThat(admissions().admit(opened(other, ALICE, now()), thisMonth))
                .isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void aSessionWhoseIdIsTakenIsRefusedAndChargesNothing() {
        var tenant = tenantOnPlan(10, 10);
        var period = UsagePeriod.monthOf(now());
        var opened = opened(tenant, ALICE, now());
        admissions().admit(opened, period);

        assertThatThrownBy(() -> admissions().admit(opened, period)).isInstanceOf(RuntimeException.class);
        assertThat(used(tenant, period)).isEqualTo(1);
    }

    @Test
    void aSessionOfAnUnknownTenantIsABrokenInvariant() {
        var unknown = ScanSession.open(newId(now()), new TenantId(UUID.randomUUID()), ALICE, now());

        assertThatThrownBy(() -> admissions().admit(unknown, UsagePeriod.monthOf(now())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fiftyConcurrentAdmissionsGetNoMoreThanTheOwnersOpenSessionsNorThePlansScans() throws Exception {
        var crowded = tenantOnPlan(100, 5);
        var scarce = tenantOnPlan(10, 100);
        var period = UsagePeriod.monthOf(now());

        assertThat(admittedOfFiftyAtOnce(() -> opened(crowded, ALICE, now()), period)).isEqualTo(5);
        assertThat(admittedOfFiftyAtOnce(
                () -> opened(scarce, new SessionOwner("key_" + UUID.randomUUID()), now()), period)).isEqualTo(10);
        assertThat(used(crowded, period)).isEqualTo(5);
        assertThat(used(scarce, period)).isEqualTo(10);
    }

    private int admittedOfFiftyAtOnce(java.util.function.Supplier<ScanSession> session, UsagePeriod period)
            throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        try {
            var results = new ArrayList<Future<Admission>>();
            for (int i = 0; i < 50; i++) {
                var opened = session.get();
                Callable<Admission> admission = () -> {
                    start.await();
                    return admissions().admit(opened, period);
                };
                results.add(pool.submit(admission));
            }
            start.countDown();
            int admitted = 0;
            for (var result : results) {
                if (result.get() instanceof Admission.Admitted) {
                    admitted++;
                }
            }
            return admitted;
        } finally {
            pool.shutdownNow();
        }
    }

    private Tenant tenantOnPlan(int monthlyScans, int maxOpenSessions) {
        var plan = new Plan(new PlanId(UUID.randomUUID()), "plan " + UUID.randomUUID(), monthlyScans, 60,
                maxOpenSessions, 100, false);
        inPlatform(() -> tenancy().plans().save(plan));
        var tenant = Tenant.register(new TenantId(UUID.randomUUID()), "clinic " + UUID.randomUUID(), plan.id(),
                now());
        return inPlatform(() -> tenancy().tenants().save(tenant));
    }

    private static ScanSession opened(Tenant tenant, SessionOwner owner, Instant at) {
        return ScanSession.open(newId(at), tenant.id(), owner, at);
    }

    private static ScanSessionId newId(Instant at) {
        return ScanSessionId.issue(at, UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    private boolean stored(Tenant tenant, ScanSession session) {
        return inTenant(tenant, () -> sessions().findById(tenant.id(), session.id())).isPresent();
    }

    private int used(Tenant tenant, UsagePeriod period) {
        return inTenant(tenant, () -> quotas().usage(tenant.id(), period, 0)).used();
    }
}
