package io.rppg.adapter.persistence.notify;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One connection per node that listens, with PostgreSQL's {@code LISTEN}, on every channel the node's change feeds
 * registered, and hands each notification to its channel's listener on the feed's own thread.
 *
 * <p>The connection is checked every second; when it fails every channel is told it is interrupted, and told it
 * listens again once a new connection has run {@code LISTEN}. A channel is registered before the feed starts.
 */
@Component
public class PostgresNotifications implements SmartLifecycle {

    /** What a channel hears. Called on the feed's thread, one call at a time. */
    public interface ChannelListener {

        /** Listening (again): notifications from now on arrive, but any from before may have been missed. */
        void listening();

        /** The connection was lost: notifications may go unseen until {@link #listening} is called again. */
        void interrupted();

        void notified(String payload);
    }

    /** Named, so that an operator (and a test) can tell this connection in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "rppg-change-feed";
    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);
    private static final int WAIT_MILLIS = 250;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);

    private final DataSource dataSource;
    private final Map<String, ChannelListener> channels = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public PostgresNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Listens on the channel once started. The channel's name is a plain SQL identifier. */
    public synchronized void register(String channel, ChannelListener listener) {
        if (running) {
            throw new IllegalStateException("channels are registered before the feed starts: " + channel);
        }
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        if (channels.putIfAbsent(channel, listener) != null) {
            throw new IllegalStateException("channel " + channel + " has a listener already");
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("change-feed").start(this::listen);
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
                    log.warn("The change feed lost its database connection; retrying: {}", e.toString());
                }
                failedBefore = true;
            } finally {
                if (listening) {
                    listening = false;
                    channels.values().forEach(listener -> tell(listener, ChannelListener::interrupted));
                }
            }
            pause(RETRY_AFTER);
        }
    }

    private void listenOn(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            for (var channel : channels.keySet()) {
                statement.execute("LISTEN " + channel);
            }
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
        channels.values().forEach(listener -> tell(listener, ChannelListener::listening));
        log.debug("Listening on {}", channels.keySet());
        long checked = System.nanoTime();
        while (running) {
            var arrived = notifications.getNotifications(WAIT_MILLIS);
            if (arrived != null) {
                for (var notification : arrived) {
                    var listener = channels.get(notification.getName());
                    if (listener != null) {
                        tell(listener, heard -> heard.notified(notification.getParameter()));
                    }
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

    private static void tell(ChannelListener listener, Consumer<ChannelListener> news) {
        try {
            news.accept(listener);
        } catch (RuntimeException e) {
            log.error("A change-feed listener failed", e);
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
