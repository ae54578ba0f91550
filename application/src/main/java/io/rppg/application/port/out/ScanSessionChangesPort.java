package io.rppg.application.port.out;

import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.function.Consumer;

/**
 * News, from whichever node made them, of stored scan sessions that changed or went: a video received, an analysis
 * begun, finished or failed, a session expired or deleted. A node that answers polls from memory forgets a session on
 * this news; it arrives within a second of the change being committed. A session opened is not news: nothing can
 * remember a session before it exists. Like {@link AccessChangesPort}, the feed says when it cannot be trusted.
 */
public interface ScanSessionChangesPort {

    /** From now on, tells the listener each change, and whether the feed listens. */
    void subscribe(Consumer<ScanSessionChange> listener);

    /** One piece of news. */
    sealed interface ScanSessionChange {

        /** The feed listens (again): changes from now on arrive, but any from before may have been missed. */
        record Listening() implements ScanSessionChange {
        }

        /** The feed lost its connection: changes may go unseen until it listens again. */
        record Interrupted() implements ScanSessionChange {
        }

        /** The session was written or deleted. */
        record SessionChanged(TenantId tenant, ScanSessionId session) implements ScanSessionChange {

            public SessionChanged {
                if (tenant == null || session == null) {
                    throw new IllegalArgumentException("a change names its tenant and its session");
                }
            }
        }
    }
}
