package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.adapter.persistence.notify.PostgresNotifications;
import io.rppg.application.contract.PortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanCatalogPort;
import io.rppg.application.port.out.ScanSessionChangesPort.ScanSessionChange;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed of its own, as another node's, hears within a second of the commit every session written or deleted, and
 * not one opened.
 */
@PostgresAdapters
class PostgresScanSessionChangesAdapterTest extends PortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private ScanSessionPort sessions;
    @Autowired
    private ScanCatalogPort catalog;
    @Autowired
    private ScanAdmissionPort admissions;

    private final LinkedBlockingQueue<ScanSessionChange> heard = new LinkedBlockingQueue<>();
    private PostgresNotifications notifications;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @BeforeEach
    void listen() throws InterruptedException {
        notifications = new PostgresNotifications(dataSource);
        new PostgresScanSessionChangesAdapter(notifications).subscribe(heard::add);
        notifications.start();
        assertThat(next()).isEqualTo(new ScanSessionChange.Listening());
    }

    @AfterEach
    void stop() {
        notifications.stop();
    }

    @Test
    void aSessionWrittenOrDeletedIsHeardAndOneOpenedIsNot() throws InterruptedException {
        var tenant = newTenant();
        var opened = ScanSession.open(ScanSessionId.issue(now(), randomPart()), tenant.id(),
                new SessionOwner("key_alice"), now());
        admissions.admit(opened, UsagePeriod.monthOf(now()));
        assertThat(heard.poll(1, TimeUnit.SECONDS)).as("an opened session").isNull();

        inTenant(tenant, () -> sessions.save(opened.acceptVideo(now())));
        assertThat(next()).isEqualTo(new ScanSessionChange.SessionChanged(tenant.id(), opened.id()));

        inTenant(tenant, () -> catalog.delete(tenant.id(), opened.id()));
        assertThat(next()).isEqualTo(new ScanSessionChange.SessionChanged(tenant.id(), opened.id()));
    }

    @Test
    void aTruncatedTableOrUnreadableNewsForgetsEverySession() throws InterruptedException {
        var jdbc = new JdbcTemplate(dataSource);
        // What the truncation trigger of migration V96 sends, sent here without emptying the shared test database.
        inPlatform(() -> jdbc.queryForList("SELECT pg_notify(?, '*')", PostgresScanSessionChangesAdapter.CHANNEL));
        assertThat(next()).isEqualTo(new ScanSessionChange.Listening());

        inPlatform(() -> jdbc.queryForList("SELECT pg_notify(?, 'not a session')",
                PostgresScanSessionChangesAdapter.CHANNEL));
        assertThat(next()).isEqualTo(new ScanSessionChange.Listening());
    }

    private ScanSessionChange next() throws InterruptedException {
        var change = heard.poll(3, TimeUnit.SECONDS);
        assertThat(change).as("news within 3 s").isNotNull();
        return change;
    }

    private static String randomPart() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
