package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.notify.ChangeFeed;
import io.rppg.adapter.persistence.notify.PostgresNotifications;
import io.rppg.application.port.out.ScanSessionChangesPort;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * The scan-session change feed over PostgreSQL's {@code LISTEN/NOTIFY}: triggers announce a session updated or
 * deleted on {@value #CHANNEL} when the change commits (migration V96), and the node's change-feed connection
 * listens ({@link PostgresNotifications}). This node's own writes are told to its listeners at once, when their
 * transaction commits ({@link #announceHere}), so that a poll right after an upload on the same node sees it.
 */
@Component
class PostgresScanSessionChangesAdapter implements ScanSessionChangesPort {

    static final String CHANNEL = "rppg_scan_session_changes";
    /** A truncated table (migration V96): every session may have gone. */
    private static final String EVERY_SESSION = "*";

    private final ChangeFeed<ScanSessionChange> feed;

    PostgresScanSessionChangesAdapter(PostgresNotifications notifications) {
        this.feed = new ChangeFeed<>(notifications, CHANNEL, new ScanSessionChange.Listening(),
                new ScanSessionChange.Interrupted(), PostgresScanSessionChangesAdapter::read);
    }

    @Override
    public void subscribe(Consumer<ScanSessionChange> listener) {
        feed.subscribe(listener);
    }

    /** Tells this node's listeners of a session written or deleted in the current transaction, once it commits. */
    void announceHere(TenantId tenant, ScanSessionId session) {
        feed.announceHere(new ScanSessionChange.SessionChanged(tenant, session));
    }

    private static ScanSessionChange read(String payload) {
        if (EVERY_SESSION.equals(payload)) {
            return new ScanSessionChange.Listening();
        }
        int slash = payload.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a tenant and a session: " + payload);
        }
        return new ScanSessionChange.SessionChanged(new TenantId(UUID.fromString(payload.substring(0, slash))),
                new ScanSessionId(payload.substring(slash + 1)));
    }
}
