package io.rppg.application.port.in;

import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Map;

/** A tenant reads how much of its plan it has used in the current calendar month (UTC). */
public interface GetTenantUsageQuery {

    TenantUsage getTenantUsage(TenantId tenant);

    /**
     * @param periodStart      first instant of the month, inclusive
     * @param periodEnd        first instant of the next month, exclusive
     * @param sessionsByStatus sessions created in the period per stored status, every status present (0 when none)
     */
    record TenantUsage(Instant periodStart, Instant periodEnd, int scansUsed, int scansLimit, int scansLeft,
                       Map<ScanStatus, Long> sessionsByStatus) {
    }
}
