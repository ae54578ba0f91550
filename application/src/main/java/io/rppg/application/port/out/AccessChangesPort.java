package io.rppg.application.port.out;

import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;

import java.util.function.Consumer;

/**
 * News, from whichever node made them, of changes to who may call: a tenant's key revoked or deleted, a tenant
 * suspended, reactivated or deleted, a user deleted. A node that keeps answers about credentials in memory forgets them on this news;
 * it arrives within a second of the change being committed. The feed also says when it cannot be trusted: while it is
 * interrupted, changes may go unseen.
 */
public interface AccessChangesPort {

    /** From now on, tells the listener each change, and whether the feed listens. */
    void subscribe(Consumer<AccessChange> listener);

    /** One piece of news. */
    sealed interface AccessChange {

        /** The feed listens (again): changes from now on arrive, but any from before may have been missed. */
        record Listening() implements AccessChange {
        }

        /** The feed lost its connection: changes may go unseen until it listens again. */
        record Interrupted() implements AccessChange {
        }

        /** Some key of the tenant, or the tenant itself, changed in a way that may refuse its callers. */
        record TenantChanged(TenantId tenant) implements AccessChange {

            public TenantChanged {
                if (tenant == null) {
                    throw new IllegalArgumentException("a change names its tenant");
                }
            }
        }

        /** A user was deleted or moved to another tenant: tokens issued to them may no longer be good. */
        record UserChanged(UserId user) implements AccessChange {

            public UserChanged {
                if (user == null) {
                    throw new IllegalArgumentException("a change names its user");
                }
            }
        }
    }
}
