package io.rppg.adapter.persistence.access;

import io.rppg.adapter.persistence.notify.ChangeFeed;
import io.rppg.adapter.persistence.notify.PostgresNotifications;
import io.rppg.application.port.out.AccessChangesPort;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * The access-change feed over PostgreSQL's {@code LISTEN/NOTIFY}: triggers announce a revoked key or a tenant's new
 * status on {@value #CHANNEL} when the change commits (migrations V55 and V95), and the node's change-feed
 * connection listens ({@link PostgresNotifications}). This node's own changes are told to its listeners at once, when
 * their transaction commits ({@link #announceHere}), so that the request that revoked a key is answered after this
 * node has forgotten it.
 */
@Component
public class PostgresAccessChangesAdapter implements AccessChangesPort {

    static final String CHANNEL = "rppg_access_changes";
    /** A user's news is {@code user:<id>} (migration V95); a tenant's is its bare id. */
    private static final String USER_PREFIX = "user:";

    private final ChangeFeed<AccessChange> feed;

    PostgresAccessChangesAdapter(PostgresNotifications notifications) {
        this.feed = new ChangeFeed<>(notifications, CHANNEL, new AccessChange.Listening(),
                new AccessChange.Interrupted(), PostgresAccessChangesAdapter::read);
    }

    @Override
    public void subscribe(Consumer<AccessChange> listener) {
        feed.subscribe(listener);
    }

    /**
     * Tells this node's listeners of a change to the tenant's access made in the current transaction, once it
     * commits (at once when there is no transaction).
     */
    public void announceHere(TenantId tenant) {
        feed.announceHere(new AccessChange.TenantChanged(tenant));
    }

    /** As {@link #announceHere(TenantId)}, for a user deleted in the current transaction. */
    public void announceHere(UserId user) {
        feed.announceHere(new AccessChange.UserChanged(user));
    }

    private static AccessChange read(String payload) {
        return payload.startsWith(USER_PREFIX)
                ? new AccessChange.UserChanged(new UserId(UUID.fromString(payload.substring(USER_PREFIX.length()))))
                : new AccessChange.TenantChanged(new TenantId(UUID.fromString(payload)));
    }
}
