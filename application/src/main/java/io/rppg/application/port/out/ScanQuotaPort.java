package io.rppg.application.port.out;

import io.rppg.domain.quota.ScanQuota;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.tenant.TenantId;

/** Scans counted per tenant and period. A scan is charged when its session is let in ({@link ScanAdmissionPort}). */
public interface ScanQuotaPort {

    /** Gives one scan back, after a scan failed through a fault of the platform. Never goes below zero. */
    void giveBackOne(TenantId tenant, UsagePeriod period);

    ScanQuota usage(TenantId tenant, UsagePeriod period, int monthlyScans);
}
