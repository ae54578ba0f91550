package io.rppg.application.service;

import io.rppg.application.port.out.ScanSessionChangesPort.ScanSessionChange;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pending and processing sessions this node read lately, so that a client polling for its result costs no
 * database read until the session changes. Only such sessions are kept: they are the ones polled again and again, and
 * they carry no vitals. The memory is only as good as the scan-session change feed: a change forgets the session, and
 * while the feed is not listening nothing is remembered or answered from here.
 *
 * <p>A session read from the database just before a change was committed must not be remembered after the change
 * was applied here. Every change therefore moves a generation on, and a session is kept only if the generation did
 * not move between its reading and its keeping ({@link #remember}).
 */
final class KnownScanSessions {

    private record Key(TenantId tenant, ScanSessionId session) {
    }

    private record Known(ScanSession session, Instant until) {
    }

    private final Map<Key, Known> sessions = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int capacity;
    private final Duration lifetime;
    private volatile boolean listening;

    /**
     * @param capacity how many sessions are kept at most; when full, all are forgotten and the memory fills again
     * @param lifetime how long a session is kept even when no change comes, a backstop behind the feed
     */
    KnownScanSessions(int capacity, Duration lifetime) {
        this.capacity = capacity;
        this.lifetime = lifetime;
    }

    /** Taken before reading a session, and handed back to {@link #remember}. */
    long generation() {
        return generation.get();
    }

    Optional<ScanSession> find(TenantId tenant, ScanSessionId id, Instant now) {
        if (!listening) {
            return Optional.empty();
        }
        var key = new Key(tenant, id);
        var known = sessions.get(key);
        if (known == null) {
            return Optional.empty();
        }
        if (!known.until().isAfter(now)) {
            sessions.remove(key, known);
            return Optional.empty();
        }
        return Optional.of(known.session());
    }

    /** Keeps a session read at the given generation when it is one polled for, unless a change came since. */
    void remember(ScanSession session, Instant now, long readAt) {
        if (!listening || (session.status() != ScanStatus.PENDING && session.status() != ScanStatus.PROCESSING)) {
            return;
        }
        if (sessions.size() >= capacity) {
            sessions.clear();
        }
        var key = new Key(session.tenantId(), session.id());
        var known = new Known(session, now.plus(lifetime));
        sessions.put(key, known);
        // A change applied between the read and the put has moved the generation on; its removal may have run
        // before the put, so the session read before it is taken out again here.
        if (generation.get() != readAt) {
            sessions.remove(key, known);
        }
    }

    void apply(ScanSessionChange change) {
        // The generation moves first: a session being read now is not kept, whichever way the race goes.
        generation.incrementAndGet();
        switch (change) {
            case ScanSessionChange.Listening listening -> {
                sessions.clear();
                this.listening = true;
            }
            case ScanSessionChange.Interrupted interrupted -> {
                this.listening = false;
                sessions.clear();
            }
            case ScanSessionChange.SessionChanged(TenantId tenant, ScanSessionId session) ->
                    sessions.remove(new Key(tenant, session));
        }
    }

    int size() {
        return sessions.size();
    }
}
