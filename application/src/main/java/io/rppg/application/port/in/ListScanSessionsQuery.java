package io.rppg.application.port.in;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A tenant pages through its scan sessions, newest first, optionally only those in one status. */
public interface ListScanSessionsQuery {

    int DEFAULT_PAGE_SIZE = 20;
    int MAX_PAGE_SIZE = 100;

    Listing listScanSessions(Query query);

    /**
     * @param status   only sessions in this status as the caller sees it when the page is read (pending ones past
     *                 their lifetime are expired, not pending), or all when null
     * @param cursor   the {@code nextCursor} of the previous page, or null for the first page
     * @param pageSize at most this many; null means {@link #DEFAULT_PAGE_SIZE}; larger than {@link #MAX_PAGE_SIZE}
     *                 means {@link #MAX_PAGE_SIZE}
     */
    record Query(TenantId tenant, ScanStatus status, String cursor, Integer pageSize) {
        public Query {
            if (tenant == null) {
                throw new IllegalArgumentException("tenant is required");
            }
        }
    }

    sealed interface Listing {

        /**
         * @param sessions   newest first
         * @param nextCursor opaque; empty when this is the last page
         * @param asOf       the instant the page was read, for {@link ScanSession#statusAt(Instant)}
         */
        record Page(List<ScanSession> sessions, Optional<String> nextCursor, Instant asOf) implements Listing {
        }

        /** The cursor or page size cannot be used (HTTP 400). */
        record InvalidRequest(String detail) implements Listing {
        }
    }
}
