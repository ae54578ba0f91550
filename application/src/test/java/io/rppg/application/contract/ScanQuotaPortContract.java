package io.rppg.application.contract;

import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.domain.quota.ScanAllowance;
import io.rppg.domain.quota.ScanQuota;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Scans counted per tenant and period, never past the plan, not even by callers racing for the last one. */
public abstract class ScanQuotaPortContract extends PortContract {

    protected abstract ScanQuotaPort quotas();

    @Test
    void scansAreGrantedUntilThePlanIsSpent() {
        var tenant = tenancy().newTenant(2);
        var period = UsagePeriod.monthOf(now());

        assertThat(consume(tenant, period, 2)).isEqualTo(new ScanAllowance.Granted(1));
        assertThat(consume(tenant, period, 2)).isEqualTo(new ScanAllowance.Granted(0));
        assertThat(consume(tenant, period, 2)).isEqualTo(new ScanAllowance.NoScansAvailable(2, period.end()));
        assertThat(usage(tenant, period, 2)).isEqualTo(new ScanQuota(period, 2, 2));
    }

    /** A plan without scans grants none and counts none, even in a period nothing was counted in yet. */
    @Test
    void aPlanWithoutScansGrantsNoneAndCountsNothing() {
        var tenant = newTenant();
        var period = UsagePeriod.monthOf(now());

        assertThat(consume(tenant, period, 0)).isEqualTo(new ScanAllowance.NoScansAvailable(0, period.end()));
        assertThat(usage(tenant, period, 0)).isEqualTo(new ScanQuota(period, 0, 0));
    }

    @Test
    void anUnusedPeriodHasUsedNothing() {
        var tenant = newTenant();
        var period = UsagePeriod.monthOf(now());

        assertThat(usage(tenant, period, 10)).isEqualTo(new ScanQuota(period, 10, 0));
    }

    @Test
    void aSmallerPlanGrantsNothingMoreOnceItsScansAreUsed() {
        var tenant = newTenant();
        var period = UsagePeriod.monthOf(now());
        consume(tenant, period, 10);
        consume(tenant, period, 10);

        assertThat(consume(tenant, period, 2)).isEqualTo(new ScanAllowance.NoScansAvailable(2, period.end()));
        assertThat(usage(tenant, period, 2).used()).isEqualTo(2);
    }

    @Test
    void aGivenBackScanCanBeSpentAgainButUsageNeverGoesNegative() {
        var tenant = tenancy().newTenant(1);
        var period = UsagePeriod.monthOf(now());
        consume(tenant, period, 1);

        withinTenant(tenant, () -> quotas().giveBackOne(tenant.id(), period));
        withinTenant(tenant, () -> quotas().giveBackOne(tenant.id(), period));

        assertThat(usage(tenant, period, 1).used()).isZero();
        assertThat(consume(tenant, period, 1)).isEqualTo(new ScanAllowance.Granted(0));
    }

    @Test
    void givingBackInAnUnusedPeriodLeavesItAtZero() {
        var tenant = newTenant();
        var period = UsagePeriod.monthOf(now());

        withinTenant(tenant, () -> quotas().giveBackOne(tenant.id(), period));

        assertThat(usage(tenant, period, 10).used()).isZero();
    }

    @Test
    void periodsAndTenantsAreCountedApart() {
        var tenant = tenancy().newTenant(1);
        var other = tenancy().newTenant(1);
        var thisMonth = UsagePeriod.monthOf(now());
        var nextMonth = UsagePeriod.monthOf(thisMonth.end());
        consume(tenant, thisMonth, 1);

        assertThat(consume(tenant, nextMonth, 1)).isEqualTo(new ScanAllowance.Granted(0));
        assertThat(consume(other, thisMonth, 1)).isEqualTo(new ScanAllowance.Granted(0));
    }

    @Test
    void fiftyConcurrentRequestsAgainstTenScansGetExactlyTen() throws Exception {
        var tenant = tenancy().newTenant(10);
        var period = UsagePeriod.monthOf(now());
        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        try {
            var results = new ArrayList<Future<ScanAllowance>>();
            for (int i = 0; i < 50; i++) {
                Callable<ScanAllowance> request = () -> {
                    start.await();
                    return consume(tenant, period, 10);
                };
                results.add(pool.submit(request));
            }
            start.countDown();
            int granted = 0;
            for (var result : results) {
                if (result.get() instanceof ScanAllowance.Granted) {
                    granted++;
                }
            }
            assertThat(granted).isEqualTo(10);
            assertThat(usage(tenant, period, 10).used()).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    private ScanAllowance consume(Tenant tenant, UsagePeriod period, int monthlyScans) {
        return inTenant(tenant, () -> quotas().consumeOne(tenant.id(), period, monthlyScans));
    }

    private ScanQuota usage(Tenant tenant, UsagePeriod period, int monthlyScans) {
        return inTenant(tenant, () -> quotas().usage(tenant.id(), period, monthlyScans));
    }
}
