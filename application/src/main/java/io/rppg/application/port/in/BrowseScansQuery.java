package io.rppg.application.port.in;

import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant browses its scans as a graph: searches them by status, time, device, tags and metadata, and reads what
 * belongs to many scans or devices at once (their devices, sessions, tags, metadata) in batches.
 */
public interface BrowseScansQuery {

    int DEFAULT_PAGE_SIZE = 20;
    int MAX_PAGE_SIZE = 100;
    /** The most sessions of one device a batch reads. */
    int MAX_SESSIONS_PER_DEVICE = 50;

    Listing search(Search search);

    Map<DeviceId, List<ScanSession>> latestOfDevices(TenantId tenant, Collection<DeviceId> devices, int perDevice);

    Map<ScanSessionId, DeviceId> devicesOf(TenantId tenant, Collection<ScanSessionId> sessions);

    Map<DeviceId, Device> devices(TenantId tenant, Collection<DeviceId> devices);

    Map<ScanSessionId, List<String>> tagsOf(TenantId tenant, Collection<ScanSessionId> sessions);

    /** JSON text of each session's metadata. */
    Map<ScanSessionId, String> metadataOf(TenantId tenant, Collection<ScanSessionId> sessions);

    /**
     * @param metadata JSON object text the session's metadata must contain, or null
     * @param cursor   the previous page's {@code endCursor}, or null
     * @param first    page size: null means {@link #DEFAULT_PAGE_SIZE}; over {@link #MAX_PAGE_SIZE} is refused
     */
    record Search(TenantId tenant, ScanStatus status, Instant from, Instant to, DeviceId device, Set<String> tags,
                  String metadata, String cursor, Integer first) {
        public Search {
            if (tenant == null) {
                throw new IllegalArgumentException("tenant is required");
            }
            tags = tags == null ? Set.of() : Set.copyOf(tags);
        }
    }

    sealed interface Listing {

        /**
         * @param sessions newest first
         * @param asOf     the instant the page was read, for {@link ScanSession#statusAt(Instant)}
         * @param cursors  each session's cursor, in the order of {@code sessions}
         */
        record Page(List<ScanSession> sessions, List<String> cursors, boolean hasNextPage, boolean hasPreviousPage,
                    Instant asOf) implements Listing {
            public Optional<String> startCursor() {
                return cursors.stream().findFirst();
            }

            public Optional<String> endCursor() {
                return cursors.isEmpty() ? Optional.empty() : Optional.of(cursors.get(cursors.size() - 1));
            }
        }

        /** The search cannot be run as asked: a bad cursor, page size or time range. */
        record Invalid(String field, String detail) implements Listing {
        }
    }
}
