package io.rppg.application.port.out;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored scan sessions. Every read names the tenant: a session of another tenant does not exist for the caller. */
public interface ScanSessionPort {

    /**
     * Inserts a new session or updates an existing one of the same tenant. The pulse of a result (its waveform and
     * spectrum) is written with it once; saving again a session read without it keeps the one stored.
     */
    ScanSession save(ScanSession session);

    /**
     * The session with all of its result, the pulse its vitals were read from included when it was kept. Called
     * outside a transaction it is a read on its own, scoped to the tenant all the same.
     */
    Optional<ScanSession> findById(TenantId tenant, ScanSessionId id);

    /**
     * The session, holding its row lock until the transaction ends: of transactions that read a session this way
     * and then change it, each sees the change of the one before, so two uploads cannot both accept a video. Its
     * vitals may leave out the pulse.
     */
    Optional<ScanSession> findByIdForUpdate(TenantId tenant, ScanSessionId id);

    /**
     * A page of a tenant's sessions, newest first, strictly older than {@code before} when it is given. Their vitals
     * may leave out the pulse (the waveform and spectrum), which a listing does not show.
     */
    List<ScanSession> findPage(TenantId tenant, ScanSessionPage page);

    /**
     * How many of the tenant's sessions created in [from, to) are in each status, as a client sees it at {@code asOf}
     * ({@link ScanSession#statusAt}: a pending session past its lifetime is expired).
     */
    Map<ScanStatus, Long> countByStatus(TenantId tenant, Instant from, Instant to, Instant asOf);

    /**
     * One page of a listing.
     *
     * @param status   only sessions in this status as a client sees it at {@code asOf}
     *                 ({@link ScanSession#statusAt}: a pending session past its lifetime is expired), or all when null
     * @param asOf     the instant the listing is read at
     * @param before   the cursor: the creation time and id of the last session of the previous page, or null
     * @param pageSize at most this many
     */
    record ScanSessionPage(ScanStatus status, Instant asOf, Cursor before, int pageSize) {
        public ScanSessionPage {
            if (asOf == null) {
                throw new IllegalArgumentException("a listing is read at an instant");
            }
            if (pageSize < 1 || pageSize > 100) {
                throw new IllegalArgumentException("page size must be between 1 and 100");
            }
        }
    }

    record Cursor(Instant createdAt, ScanSessionId id) {
    }
}
