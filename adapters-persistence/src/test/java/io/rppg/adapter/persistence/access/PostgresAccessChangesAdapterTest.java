package io.rppg.adapter.persistence.access;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.adapter.persistence.notify.PostgresNotifications;
import io.rppg.application.contract.PortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.AccessChangesPort.AccessChange;
import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.identity.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed hears, within a second of the commit, every change that may refuse a tenant's callers, and only those. */
@PostgresAdapters
class PostgresAccessChangesAdapterTest extends PortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private ApiKeyPort apiKeys;
    @Autowired
    private TenantPort tenants;
    @Autowired
    private io.rppg.application.port.out.UserPort users;

    private final LinkedBlockingQueue<AccessChange> heard = new LinkedBlockingQueue<>();
    private PostgresNotifications notifications;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @BeforeEach
    void listen() throws InterruptedException {
        notifications = new PostgresNotifications(dataSource);
        new PostgresAccessChangesAdapter(notifications).subscribe(heard::add);
        notifications.start();
        assertThat(next()).isEqualTo(new AccessChange.Listening());
    }

    @AfterEach
    void stop() {
        notifications.stop();
    }

    @Test
    void aRevokedKeyAndASuspendedOrReactivatedTenantAreHeard() throws InterruptedException {
        var tenant = newTenant();
        var key = inTenant(tenant, () -> apiKeys.save(newKey(tenant.id())));
        heard.clear();

        inTenant(tenant, () -> apiKeys.save(key.revoke(now())));
        assertThat(next()).isEqualTo(new AccessChange.TenantChanged(tenant.id()));

        inPlatform(() -> tenants.save(tenant.suspend()));
        assertThat(next()).isEqualTo(new AccessChange.TenantChanged(tenant.id()));

        inPlatform(() -> tenants.save(tenant.suspend().reactivate()));
        assertThat(next()).isEqualTo(new AccessChange.TenantChanged(tenant.id()));
    }

    @Test
    void aDeletedUserIsHeardByItself() throws InterruptedException {
        var tenant = newTenant();
        var user = new io.rppg.domain.identity.User(new UserId(UUID.randomUUID()), java.util.Optional.of(tenant.id()),
                "jane-" + UUID.randomUUID(), UUID.randomUUID() + "@clinic.example", "hash",
                io.rppg.domain.identity.Role.MEMBER, now());
        inPlatform(() -> users.save(user));
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).as("a new user is no news").isNull();

        inPlatform(() -> {
            users.delete(tenant.id(), user.id());
            return null;
        });

        assertThat(next()).isEqualTo(new AccessChange.UserChanged(user.id()));
    }

    @Test
    void aKeyUsedOrCreatedIsNotNews() throws InterruptedException {
        var tenant = newTenant();
        var key = inTenant(tenant, () -> apiKeys.save(newKey(tenant.id())));
        withinTenant(tenant, () -> apiKeys.markUsed(tenant.id(), key.id(), now()));

        assertThat(heard.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aLostConnectionIsSaidAndListeningResumes() throws InterruptedException {
        inPlatform(() -> new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForList(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                PostgresNotifications.APPLICATION_NAME));

        assertThat(List.of(next(), next())).containsExactly(new AccessChange.Interrupted(),
                new AccessChange.Listening());
        var tenant = newTenant();
        inPlatform(() -> tenants.save(tenant.suspend()));
        assertThat(next()).isEqualTo(new AccessChange.TenantChanged(tenant.id()));
    }

    private AccessChange next() throws InterruptedException {
        var change = heard.poll(3, TimeUnit.SECONDS);
        assertThat(change).as("news within 3 s").isNotNull();
        return change;
    }

    private static ApiKey newKey(io.rppg.domain.tenant.TenantId tenant) {
        var id = UUID.randomUUID();
        return new ApiKey(new ApiKeyId(id), tenant, "app", "rppg_live_" + id.toString().substring(0, 6),
                "hash-" + id, new UserId(UUID.randomUUID()), now(), null, null);
    }
}
