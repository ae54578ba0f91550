package io.rppg.application.service.identity;

import io.rppg.application.port.in.CheckCallerAccessQuery.CallerAccess;
import io.rppg.application.port.out.AccessChangesPort.AccessChange;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access of the users whose tokens this node checked lately, so that a request with an access token costs no
 * database read. Kept on the same terms as {@link KnownApiKeys}: only while the access-change feed listens, forgotten
 * on news of the user's tenant or of the user, and not kept at all when news came while it was being read.
 */
final class KnownUsers {

    /** A user's access as read, the tenant whose news forgets it (none for a platform admin), and until when. */
    record Known(CallerAccess access, Optional<TenantId> tenant, Instant until) {
    }

    private final Map<UserId, Known> byUser = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int capacity;
    private final Duration lifetime;
    private volatile boolean listening;

    /**
     * @param capacity how many users are kept at most; beyond that the others are read each time
     * @param lifetime how long an answer is kept even when no news comes, a backstop behind the feed
     */
    KnownUsers(int capacity, Duration lifetime) {
        this.capacity = capacity;
        this.lifetime = lifetime;
    }

    /** Taken before reading a user, and handed back to {@link #remember}. */
    long generation() {
        return generation.get();
    }

    Optional<CallerAccess> find(UserId user, Instant now) {
        if (!listening) {
            return Optional.empty();
        }
        var known = byUser.get(user);
        if (known == null) {
            return Optional.empty();
        }
        if (!known.until().isAfter(now)) {
            byUser.remove(user, known);
            return Optional.empty();
        }
        return Optional.of(known.access());
    }

    /** Keeps an answer read at the given generation, unless news came since. */
    void remember(UserId user, CallerAccess access, Optional<TenantId> tenant, Instant now, long readAt) {
        if (!listening || byUser.size() >= capacity) {
            return;
        }
        var known = new Known(access, tenant, now.plus(lifetime));
        byUser.put(user, known);
        if (generation.get() != readAt) {
            byUser.remove(user, known);
        }
    }

    void apply(AccessChange change) {
        generation.incrementAndGet();
        switch (change) {
            case AccessChange.Listening listening -> {
                byUser.clear();
                this.listening = true;
            }
            case AccessChange.Interrupted interrupted -> {
                this.listening = false;
                byUser.clear();
            }
            case AccessChange.TenantChanged(TenantId tenant) ->
                    byUser.values().removeIf(known -> known.tenant().filter(tenant::equals).isPresent());
            case AccessChange.UserChanged(UserId user) -> byUser.remove(user);
        }
    }
}
