package io.rppg.application.port.out;

import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

/**
 * Carries live messages to the other nodes of the platform, whose connections may subscribe to a session streamed
 * here. A message published on one node reaches the receivers of every other node, not its own.
 */
public interface LiveFanOutPort {

    void publish(TenantId tenant, LiveMessage message);

    /** Where messages published by other nodes arrive. One receiver per node. */
    void receiveWith(Receiver receiver);

    /**
     * Where messages of other nodes arrive. An ended scan arrives as its id alone, for the receiver to read from the
     * database that every node shares (a scan's report is larger than what some carriers take in one message).
     */
    interface Receiver {
        void received(TenantId tenant, LiveMessage message);

        void ended(TenantId tenant, ScanSessionId session);
    }
}
