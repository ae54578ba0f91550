package io.rppg.adapter.persistence.quota;

import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.domain.quota.ScanQuota;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The scans counted per tenant and period, one row each. A scan is counted when its session is let in
 * ({@code JdbcScanAdmissionAdapter}).
 */
@Component
class JdbcScanQuotaAdapter implements ScanQuotaPort {

    private final JdbcTemplate jdbc;

    JdbcScanQuotaAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
