package io.rppg.adapter.persistence;

import io.rppg.application.contract.PortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's own wall: a query that forgets its tenant filter still sees only the tenant of its transaction,
 * and a query outside any tenant or platform transaction sees nothing.
 */
@PostgresAdapters
class RowLevelSecurityTest {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private TransactionPort transactions;
    @Autowired
    private ScanSessionPort sessions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theApplicationRoleIsNoSuperuserSoThePoliciesHold() {
        var bypasses = jdbc.queryForObject(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", Boolean.class);
        assertThat(bypasses).isFalse();
    }

    @Test
    void everyTableOfATenantsRowsHasItsPolicyForcedEvenOnItsOwner() {
        var unguarded = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r' AND (NOT (c.relrowsecurity AND c.relforcerowsecurity)
                  OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
                """, String.class);

        assertThat(unguarded).isEmpty();
    }

    @Test
    void aQueryWithoutTenantFilterSeesOnlyTheTenantOfItsTransaction() {
        var mine = tenancy.newTenant(10);
        var theirs = tenancy.newTenant(10);
        var now = PortContract.now();
        var my = ScanSession.open(ScanSessionId.issue(now, random()), mine.id(), new SessionOwner("me"), now);
        var their = ScanSession.open(ScanSessionId.issue(now, random()), theirs.id(), new SessionOwner("them"), now);
        transactions.inTenantTransaction(mine.id(), () -> sessions.save(my));
        transactions.inTenantTransaction(theirs.id(), () -> sessions.save(their));

        var visible = transactions.inTenantTransaction(mine.id(),
                () -> jdbc.queryForList("SELECT id FROM scan_sessions", String.class));
        var withoutTenant = jdbc.queryForList("SELECT id FROM scan_sessions", String.class);

        assertThat(visible).contains(my.id().value()).doesNotContain(their.id().value());
        assertThat(withoutTenant).isEmpty();
    }

    @Test
    void aTenantCannotWriteRowsOfAnother() {
        var mine = tenancy.newTenant(10);
        var theirs = tenancy.newTenant(10);
        var now = PortContract.now();
        var their = ScanSession.open(ScanSessionId.issue(now, random()), theirs.id(), new SessionOwner("them"), now);
        transactions.inTenantTransaction(theirs.id(), () -> sessions.save(their));

        int changed = transactions.inTenantTransaction(mine.id(),
                () -> jdbc.update("UPDATE scan_sessions SET owner = 'intruder'"));

        assertThat(changed).isZero();
        var stored = transactions.inTenantTransaction(theirs.id(), () -> sessions.findById(theirs.id(), their.id()));
        assertThat(stored.orElseThrow().owner().value()).isEqualTo("them");
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
