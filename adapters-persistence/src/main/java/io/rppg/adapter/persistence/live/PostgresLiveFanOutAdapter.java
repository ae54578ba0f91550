package io.rppg.adapter.persistence.live;

import com.zaxxer.hikari.HikariDataSource;
import io.rppg.application.port.out.LiveFanOutPort;
import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.tenant.TenantId;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * Live messages across nodes through PostgreSQL's {@code LISTEN/NOTIFY}: the database every node already shares,
 * no server more. Each node sends with {@code pg_notify} and listens on one connection of its own, kept by a thread
 * that reconnects after the database comes back; what a node sent itself it skips, having delivered it at once.
 *
 * <p>Notifications are not stored: a node that is not listening at the moment misses them. Live windows are
 * momentary anyway, and a scan's end is in the database for whoever subscribes later.
 */
@Component
class PostgresLiveFanOutAdapter implements LiveFanOutPort, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLiveFanOutAdapter.class);
    private static final int POLL_MILLIS = 250;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final String node = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private volatile Receiver receiver;
    private volatile boolean stopped;
    private Thread listener;

    PostgresLiveFanOutAdapter(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void publish(TenantId tenant, LiveMessage message) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, LiveNotifications.CHANNEL,
                LiveNotifications.encode(node, tenant, message));
    }

    @Override
    public synchronized void receiveWith(Receiver newReceiver) {
        this.receiver = newReceiver;
        if (listener == null) {
            listener = Thread.ofPlatform().name("live-fan-out").daemon().start(this::listen);
        }
    }

    private void listen() {
        while (!stopped) {
            try (Connection connection = listeningConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + LiveNotifications.CHANNEL);
                }
                var pg = connection.unwrap(PGConnection.class);
                while (!stopped) {
                    var notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        // Without a notification the driver does not touch the socket; this finds a lost server.
                        try (var statement = connection.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        continue;
                    }
                    for (var notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    LOG.warn("Live fan-out lost its database connection, listening again in 1 s: {}", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    /**
     * A connection of its own, beside the pool: it is held for as long as the node runs, and the requests' pool keeps
     * every one of its connections. Falls back on the pool when the data source is not Hikari's.
     */
    private Connection listeningConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            var properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private void deliver(String text) {
        var decoded = LiveNotifications.decode(text);
        if (decoded.isEmpty()) {
            LOG.warn("Ignored a live notification this platform did not write");
            return;
        }
        var notification = decoded.get();
        var current = receiver;
        if (notification.node().equals(node) || current == null) {
            return;
        }
        try {
            if (notification.message() != null) {
                current.received(notification.tenant(), notification.message());
            } else {
                current.ended(notification.tenant(), notification.ended());
            }
        } catch (RuntimeException e) {
            LOG.warn("A live notification could not be delivered: {}", e.toString());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        Thread running;
        synchronized (this) {
            running = listener;
        }
        if (running != null) {
            running.join(2000);
        }
    }
}
