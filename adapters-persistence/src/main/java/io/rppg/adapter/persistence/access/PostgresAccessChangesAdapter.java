package io.rppg.adapter.persistence.access;

import io.rppg.application.port.out.AccessChangesPort;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The access-change feed over PostgreSQL's {@code LISTEN/NOTIFY}: triggers announce a revoked key or a tenant's new
 * status on {@value #CHANNEL} when the change commits (migration V55), and one connection per node listens.
 *
 * <p>This node's own changes are told to its listeners at once, when their transaction commits
 * ({@link #announceHere}), so that the request that revoked a key is answered after this node has forgotten it; the
 * other nodes hear it from PostgreSQL.
 *
 * <p>The connection is checked every second; when it fails the feed says it is interrupted, and says it listens
 * again once a new connection has run {@code LISTEN}. News is handed to the listeners on the feed's own thread.
 */
@Component
public class PostgresAccessChangesAdapter implements AccessChangesPort, SmartLifecycle {

    static final String CHANNEL = "rppg_access_changes";
    /** A user's news is {@code user:<id>} (migration V95); a tenant's is its bare id. */
    private static final String USER_PREFIX = "user:";
    static final String APPLICATION_NAME = "rppg-access-changes";
    private static final Logger log = LoggerFactory.getLogger(PostgresAccessChangesAdapter.class);
    private static final int WAIT_MILLIS = 250;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);

    private final DataSource dataSource;
    private final List<Consumer<AccessChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    PostgresAccessChangesAdapter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void subscribe(Consumer<AccessChange> listener) {
        listeners.add(listener);
        if (listening) {
            listener.accept(new AccessChange.Listening());
        }
    }

    /**
     * Tells this node's listeners of a change to the tenant's access made in the current transaction, once it
     * commits (at once when there is no transaction).
     */
    public void announceHere(TenantId tenant) {
        announceHere(new AccessChange.TenantChanged(tenant));
    }

    /** As {@link #announceHere(TenantId)}, for a user deleted in the current transaction. */
    public void announceHere(UserId user) {
        announceHere(new AccessChange.UserChanged(user));
    }

    private void announceHere(AccessChange change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(change);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publish(change);
            }
        });
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("access-changes").start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean failedBefore = false;
        while (running) {
            try (var connection = dataSource.getConnection()) {
                failedBefore = false;
                listenOn(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!failedBefore) {
                    log.warn("The access-change feed lost its database connection; retrying: {}", e.toString());
                }
                failedBefore = true;
            } finally {
                if (listening) {
                    listening = false;
                    publish(new AccessChange.Interrupted());
                }
            }
            pause(RETRY_AFTER);
        }
    }

    private void listenOn(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            // Named, so that an operator (and a test) can tell this connection in pg_stat_activity.
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + CHANNEL);
        }
        try {
            receive(connection);
        } finally {
            // The connection goes back to the pool: it must not keep collecting notifications there.
            if (!connection.isClosed()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("UNLISTEN *");
                    statement.execute("RESET application_name");
                } catch (SQLException e) {
                    log.debug("Could not stop listening on a connection that is going anyway: {}", e.toString());
                }
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        var notifications = connection.unwrap(PGConnection.class);
        listening = true;
        publish(new AccessChange.Listening());
        log.debug("Listening for access changes");
        long checked = System.nanoTime();
        while (running) {
            var arrived = notifications.getNotifications(WAIT_MILLIS);
            if (arrived != null) {
                for (var notification : arrived) {
                    announce(notification);
                }
            }
            if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                // A connection that died quietly would deliver nothing: ask it to answer.
                if (!connection.isValid((int) CHECK_EVERY.toSeconds())) {
                    throw new SQLException("the listening connection no longer answers");
                }
                checked = System.nanoTime();
            }
        }
    }

    private void announce(PGNotification notification) {
        if (!CHANNEL.equals(notification.getName())) {
            return;
        }
        AccessChange change;
        try {
            var payload = notification.getParameter();
            change = payload.startsWith(USER_PREFIX)
                    ? new AccessChange.UserChanged(new UserId(UUID.fromString(payload.substring(USER_PREFIX.length()))))
                    : new AccessChange.TenantChanged(new TenantId(UUID.fromString(payload)));
        } catch (IllegalArgumentException e) {
            // Not ours to read; forget everything rather than miss a change.
            log.warn("Unreadable access change on {}; forgetting every tenant's keys", CHANNEL);
            publish(new AccessChange.Listening());
            return;
        }
        publish(change);
    }

    private void publish(AccessChange change) {
        for (var listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.error("An access-change listener failed", e);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
