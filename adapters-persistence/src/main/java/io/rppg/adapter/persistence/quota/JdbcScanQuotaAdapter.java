package io.rppg.adapter.persistence.quota;

import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.domain.quota.ScanAllowance;
import io.rppg.domain.quota.ScanQuota;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Scan counting in one conditional upsert: PostgreSQL locks the usage row, re-checks {@code used < limit} after
 * any concurrent writer commits, and so never lets two callers take the last scan.
 */
@Component
class JdbcScanQuotaAdapter implements ScanQuotaPort {

    private final JdbcTemplate jdbc;

    JdbcScanQuotaAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The period's row is created by the first scan counted in it, and counted in the same statement: on a conflict
     * PostgreSQL locks the existing row and re-checks {@code used < limit} on its latest version.
     */
    @Override
    public ScanAllowance consumeOne(TenantId tenant, UsagePeriod period, int monthlyScans) {
        if (monthlyScans < 1) {
            return new ScanAllowance.NoScansAvailable(monthlyScans, period.end());
        }
        var usedAfter = jdbc.query("""
                        INSERT INTO scan_usage AS counted (tenant_id, period_start, period_end, used)
                        VALUES (?, ?, ?, 1)
                        ON CONFLICT (tenant_id, period_start)
                        DO UPDATE SET used = counted.used + 1 WHERE counted.used < ?
                        RETURNING used
                        """,
                (rs, row) -> rs.getInt(1),
                tenant.value(), Timestamp.from(period.start()), Timestamp.from(period.end()), monthlyScans);
        if (usedAfter.isEmpty()) {
            return new ScanAllowance.NoScansAvailable(monthlyScans, period.end());
        }
        return new ScanAllowance.Granted(Math.max(0, monthlyScans - usedAfter.get(0)));
    }

    @Override
    public void giveBackOne(TenantId tenant, UsagePeriod period) {
        jdbc.update("UPDATE scan_usage SET used = used - 1 WHERE tenant_id = ? AND period_start = ? AND used > 0",
                tenant.value(), Timestamp.from(period.start()));
    }

    @Override
    public ScanQuota usage(TenantId tenant, UsagePeriod period, int monthlyScans) {
        var used = jdbc.query("SELECT used FROM scan_usage WHERE tenant_id = ? AND period_start = ?",
                (rs, row) -> rs.getInt(1), tenant.value(), Timestamp.from(period.start()));
        return new ScanQuota(period, monthlyScans, used.isEmpty() ? 0 : used.get(0));
    }
}
