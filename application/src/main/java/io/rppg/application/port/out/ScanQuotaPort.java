package io.rppg.application.port.out;

import io.rppg.domain.quota.ScanAllowance;
import io.rppg.domain.quota.ScanQuota;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.tenant.TenantId;

/** Counts scans per tenant and period. */
public interface ScanQuotaPort {

    /**
     * Counts one scan if the period has one left, in a single atomic step: concurrent callers can never together
     * exceed {@code monthlyScans}.
     */
    ScanAllowance consumeOne(TenantId tenant, UsagePeriod period, int monthlyScans);

    /** Gives one scan back, after a scan failed through a fault of the platform. Never goes below zero. */
    void giveBackOne(TenantId tenant, UsagePeriod period);

    ScanQuota usage(TenantId tenant, UsagePeriod period, int monthlyScans);
}
