package io.rppg.application.service.identity;

import io.rppg.application.port.in.AuthenticateApiKeyUseCase.AuthenticatedKey;
import io.rppg.application.port.out.AccessChangesPort.AccessChange;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API keys this node authenticated lately, by the hash of their secret, so that a request with a known key costs
 * no database read. The memory is only as good as the access-change feed: a change forgets the tenant's keys, and
 * while the feed is not listening nothing is remembered or answered from here at all.
 *
 * <p>A key read from the database just before a change was committed must not be remembered after the change was
 * applied here. Every change therefore moves a generation on, and a key is kept only if the generation did not move
 * between its reading and its keeping ({@link #remember}).
 */
final class KnownApiKeys {

    /** A key as authenticated, when this node last recorded its use, and until when it may be trusted anyway. */
    record Known(AuthenticatedKey key, Instant markedUsedAt, Instant until) {

        Known markedUsed(Instant now) {
            return new Known(key, now, until);
        }
    }

    private final Map<String, Known> byHash = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int capacity;
    private final Duration lifetime;
    private volatile boolean listening;

    /**
     * @param capacity how many keys are kept at most; beyond that new keys are read each time
     * @param lifetime how long a key is kept even when no change comes, a backstop behind the feed
     */
    KnownApiKeys(int capacity, Duration lifetime) {
        this.capacity = capacity;
        this.lifetime = lifetime;
    }

    /** Taken before reading a key, and handed back to {@link #remember}. */
    long generation() {
        return generation.get();
    }

    Optional<Known> find(String secretHash, Instant now) {
        if (!listening) {
            return Optional.empty();
        }
        var known = byHash.get(secretHash);
        if (known == null) {
            return Optional.empty();
        }
        if (!known.until().isAfter(now)) {
            byHash.remove(secretHash, known);
            return Optional.empty();
        }
        return Optional.of(known);
    }

    /** Keeps a key read at the given generation, unless a change came since. */
    void remember(String secretHash, AuthenticatedKey key, Instant now, long readAt) {
        if (!listening || byHash.size() >= capacity) {
            return;
        }
        var known = new Known(key, now, now.plus(lifetime));
        byHash.put(secretHash, known);
        // A change applied between the read and the put has moved the generation on; its sweep may have run before
        // the put, so the key read before it is taken out again here.
        if (generation.get() != readAt) {
            byHash.remove(secretHash, known);
        }
    }

    /** Whether this caller is the one to record the key's use now: only one of concurrent requests is. */
    boolean claimMarkingUse(String secretHash, Known known, Instant now) {
        return byHash.replace(secretHash, known, known.markedUsed(now));
    }

    void apply(AccessChange change) {
        // The generation moves first: a key being read now is not kept, whichever way the race goes.
        generation.incrementAndGet();
        switch (change) {
            case AccessChange.Listening listening -> {
                byHash.clear();
                this.listening = true;
            }
            case AccessChange.Interrupted interrupted -> {
                this.listening = false;
                byHash.clear();
            }
            case AccessChange.TenantChanged(TenantId tenant) ->
                    byHash.values().removeIf(known -> known.key().key().tenantId().equals(tenant));
            case AccessChange.UserChanged userChanged -> {
                // a key belongs to its tenant, not to the user who created it
            }
        }
    }

    int size() {
        return byHash.size();
    }
}
