package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.PortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanCatalogPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts of open sessions per owner and ten minutes of expiry, which admissions add up instead of counting
 * sessions one by one, stay what counting the sessions one by one gives, whatever writes the sessions.
 */
@PostgresAdapters
class OpenSessionCountsTest {

    private static final String COUNTED = """
            SELECT owner, expiry_bucket, open_sessions FROM open_scan_sessions_by_expiry
            WHERE tenant_id = ? AND open_sessions > 0 ORDER BY owner, expiry_bucket
            """;
    private static final String RECOUNTED = """
            SELECT owner, scan_session_expiry_bucket(expires_at) AS expiry_bucket, count(*)::int AS open_sessions
            FROM scan_sessions WHERE tenant_id = ? AND status IN ('PENDING', 'PROCESSING')
            GROUP BY owner, expiry_bucket ORDER BY owner, expiry_bucket
            """;

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private TransactionPort transactions;
    @Autowired
    private ScanAdmissionPort admissions;
    @Autowired
    private ScanSessionPort sessions;
    @Autowired
    private ScanCatalogPort catalog;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theCountsFollowEveryWriteOfTheSessions() {
        var tenant = tenancy.newTenant(1_000);
        var start = PortContract.now();
        var opened = new ArrayList<ScanSession>();
        for (int i = 0; i < 12; i++) {
            var owner = new SessionOwner(i % 3 == 0 ? "key_alice" : "key_bob");
            var at = start.plus(Duration.ofMinutes(7L * i));
            var session = ScanSession.open(ScanSessionId.issue(at, random()), tenant.id(), owner, at);
            assertThat(admissions.admit(session, UsagePeriod.monthOf(at)))
                    .isInstanceOf(ScanAdmissionPort.Admission.Admitted.class);
            opened.add(session);
        }
        assertThat(counted(tenant)).isEqualTo(recounted(tenant)).hasSizeGreaterThan(4);

        var processing = save(tenant, opened.get(0).acceptVideo(start));
        save(tenant, opened.get(1).acceptVideo(start));
        save(tenant, processing.fail(AnalysisFailure.of(FailureCode.TOO_DARK), start));
        save(tenant, opened.get(2).acceptVideo(start).fail(AnalysisFailure.of(FailureCode.FACE_LOST), start));
        transactions.inTenantTransaction(tenant.id(), () -> catalog.delete(tenant.id(), opened.get(3).id()));
        transactions.inTenantTransaction(tenant.id(), () -> catalog.delete(tenant.id(), opened.get(4).id()));
        transactions.inTenantTransaction(tenant.id(), () -> jdbc.update(
                "UPDATE scan_sessions SET owner = 'key_carol', expires_at = expires_at + interval '1 hour' "
                        + "WHERE id = ?", opened.get(5).id().value()));

        assertThat(counted(tenant)).isEqualTo(recounted(tenant));
        assertThat(counted(tenant)).extracting(row -> row.get("owner")).contains("key_carol");
    }

    @Test
    void anotherTenantsWritesLeaveTheCountsAlone() {
        var tenant = tenancy.newTenant(10);
        var other = tenancy.newTenant(10);
        var now = PortContract.now();
        admissions.admit(ScanSession.open(ScanSessionId.issue(now, random()), tenant.id(),
                new SessionOwner("key_alice"), now), UsagePeriod.monthOf(now));
        var before = counted(tenant);

        int changed = transactions.inTenantTransaction(other.id(),
                () -> jdbc.update("UPDATE open_scan_sessions_by_expiry SET open_sessions = 0"));

        assertThat(changed).isZero();
        assertThat(counted(tenant)).isEqualTo(before).hasSize(1);
    }

    private ScanSession save(Tenant tenant, ScanSession session) {
        return transactions.inTenantTransaction(tenant.id(), () -> sessions.save(session));
    }

    private List<Map<String, Object>> counted(Tenant tenant) {
        return transactions.inTenantTransaction(tenant.id(), () -> jdbc.queryForList(COUNTED, tenant.id().value()));
    }

    private List<Map<String, Object>> recounted(Tenant tenant) {
        return transactions.inTenantTransaction(tenant.id(), () -> jdbc.queryForList(RECOUNTED, tenant.id().value()));
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
