package io.rppg.application.fakes;

import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.domain.quota.ScanAllowance;
import io.rppg.domain.quota.ScanQuota;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Scan counts per tenant and period start, applying the adapter's rule: count only while used is below the plan. */
public final class InMemoryScanQuotaPort implements ScanQuotaPort {

    private record Key(TenantId tenant, Instant periodStart) {
    }

    private final Map<Key, Integer> used = new HashMap<>();

    /** Counts one scan if the period has one left, as the admission does. */
    public synchronized ScanAllowance consumeOne(TenantId tenant, UsagePeriod period, int monthlyScans) {
        Key key = new Key(tenant, period.start());
        int before = used.getOrDefault(key, 0);
        if (before >= monthlyScans) {
            return new ScanAllowance.NoScansAvailable(monthlyScans, period.end());
        }
        used.put(key, before + 1);
        return new ScanAllowance.Granted(Math.max(0, monthlyScans - (before + 1)));
    }

    @Override
    public synchronized void giveBackOne(TenantId tenant, UsagePeriod period) {
        used.computeIfPresent(new Key(tenant, period.start()), (k, n) -> Math.max(0, n - 1));
    }

    @Override
    public synchronized ScanQuota usage(TenantId tenant, UsagePeriod period, int monthlyScans) {
        return new ScanQuota(period, monthlyScans, used.getOrDefault(new Key(tenant, period.start()), 0));
    }

    /** Sets how many scans a tenant has used in a period, to start a test from a given state. */
    public synchronized void setUsed(TenantId tenant, UsagePeriod period, int scans) {
        used.put(new Key(tenant, period.start()), scans);
    }

    public synchronized int used(TenantId tenant, UsagePeriod period) {
        return used.getOrDefault(new Key(tenant, period.start()), 0);
    }
}
