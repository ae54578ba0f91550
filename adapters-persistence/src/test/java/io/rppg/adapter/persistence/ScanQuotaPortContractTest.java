package io.rppg.adapter.persistence;

import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.domain.quota.ScanAllowance;
import io.rppg.domain.quota.UsagePeriod;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ScanQuotaPortContractTest extends PortContractTest {

    @Autowired
    private ScanQuotaPort quotas;

    @Test
    void scansAreGrantedUntilThePlanIsSpent() {
        var tenant = newTenant(2);
        var period = UsagePeriod.monthOf(now());

        var first = consume(tenant.id(), period, 2);
        var second = consume(tenant.id(), period, 2);
        var third = consume(tenant.id(), period, 2);

        assertThat(first).isEqualTo(new ScanAllowance.Granted(1));
        assertThat(second).isEqualTo(new ScanAllowance.Granted(0));
        assertThat(third).isEqualTo(new ScanAllowance.NoScansAvailable(2, period.end()));
    }

    @Test
    void aGivenBackScanCanBeSpentAgainButUsageNeverGoesNegative() {
        var tenant = newTenant(1);
        var period = UsagePeriod.monthOf(now());
        consume(tenant.id(), period, 1);

        transactions.inTenantTransaction(tenant.id(), () -> { quotas.giveBackOne(tenant.id(), period); return null; });
        transactions.inTenantTransaction(tenant.id(), () -> { quotas.giveBackOne(tenant.id(), period); return null; });

        assertThat(transactions.inTenantTransaction(tenant.id(), () -> quotas.usage(tenant.id(), period, 1)).used())
                .isZero();
        assertThat(consume(tenant.id(), period, 1)).isInstanceOf(ScanAllowance.Granted.class);
    }

    @Test
    void fiftyConcurrentRequestsAgainstTenScansGetExactlyTen() throws Exception {
        var tenant = newTenant(10);
        var period = UsagePeriod.monthOf(now());
        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        try {
            var results = new ArrayList<Future<ScanAllowance>>();
            for (int i = 0; i < 50; i++) {
                Callable<ScanAllowance> request = () -> {
                    start.await();
                    return consume(tenant.id(), period, 10);
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
            assertThat(transactions.inTenantTransaction(tenant.id(), () -> quotas.usage(tenant.id(), period, 10)).used())
                    .isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void periodsAreCountedApart() {
        var tenant = newTenant(1);
        var thisMonth = UsagePeriod.monthOf(now());
        var nextMonth = UsagePeriod.monthOf(thisMonth.end());
        consume(tenant.id(), thisMonth, 1);

        assertThat(consume(tenant.id(), nextMonth, 1)).isInstanceOf(ScanAllowance.Granted.class);
    }

    private ScanAllowance consume(io.rppg.domain.tenant.TenantId tenant, UsagePeriod period, int monthlyScans) {
        return transactions.inTenantTransaction(tenant, () -> quotas.consumeOne(tenant, period, monthlyScans));
    }
}
