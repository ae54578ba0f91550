package io.rppg.application.port.out;

import io.rppg.domain.live.StreamId;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Optional;

/**
 * Which node runs each live stream, and when it last said so. A stream lives in the memory of one node; when that
 * node stops, its leases stop being renewed and another node's sweep takes them over to end their scans.
 */
public interface LiveStreamLeasePort {

    /** Records that {@code node} runs the stream feeding {@code session}. Called in the tenant's transaction. */
    void hold(TenantId tenant, ScanSessionId session, StreamId stream, String node, Instant now);

    /** Renews every lease of {@code node}; returns how many it holds. Called in a platform transaction. */
    int renew(String node, Instant now);

    /** Drops the lease of a stream that ended. */
    void release(ScanSessionId session);

    /**
     * Takes one lease not renewed since {@code renewedBefore}, removing it; a lease another transaction is taking
     * is skipped, so each is taken once across all nodes. Called in a platform transaction, which ends the lease's
     * scan before it commits.
     */
    Optional<Lapsed> takeLapsed(Instant renewedBefore);

    /** A stream whose node stopped renewing its lease. */
    record Lapsed(TenantId tenant, ScanSessionId session, StreamId stream, String node, Instant renewedAt) {
        public Lapsed {
            if (tenant == null || session == null || stream == null || node == null || renewedAt == null) {
                throw new IllegalArgumentException("a lapsed lease names its tenant, session, stream, node and time");
            }
        }
    }
}
