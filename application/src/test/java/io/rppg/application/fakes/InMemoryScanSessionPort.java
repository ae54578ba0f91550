package io.rppg.application.fakes;

import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stored sessions in a map keyed, as the database's rows are, by tenant and id, with the same tenant filter and rules
 * as the database adapter.
 */
public final class InMemoryScanSessionPort implements ScanSessionPort {

    private record Key(TenantId tenant, ScanSessionId id) {
    }

    private final Map<Key, ScanSession> sessions = new LinkedHashMap<>();

    @Override
    public ScanSession save(ScanSession session) {
        sessions.put(new Key(session.tenantId(), session.id()), session);
        return session;
    }

    /** Stores a session just opened; one of that id in the tenant already is refused. */
    public ScanSession add(ScanSession session) {
        if (sessions.putIfAbsent(new Key(session.tenantId(), session.id()), session) != null) {
            throw new IllegalStateException("session " + session.id() + " exists already");
        }
        return session;
    }

    @Override
    public Optional<ScanSession> findById(TenantId tenant, ScanSessionId id) {
        return Optional.ofNullable(sessions.get(new Key(tenant, id)));
    }

    /** One thread at a time runs the services here, so there is nothing to lock. */
    @Override
    public Optional<ScanSession> findByIdForUpdate(TenantId tenant, ScanSessionId id) {
        return findById(tenant, id);
    }

    /** Open as the admission counts it: PENDING or PROCESSING, of this tenant and owner, with expiresAt after now. */
    public int countOpen(TenantId tenant, SessionOwner owner, Instant now) {
        return (int) sessions.values().stream()
                .filter(s -> s.tenantId().equals(tenant))
                .filter(s -> s.owner().equals(owner))
                .filter(s -> s.status() == ScanStatus.PENDING || s.status() == ScanStatus.PROCESSING)
                .filter(s -> s.expiresAt().isAfter(now))
                .count();
    }

    @Override
    public List<ScanSession> findPage(TenantId tenant, ScanSessionPage page) {
        Comparator<ScanSession> newestFirst = Comparator.comparing(ScanSession::createdAt)
                .thenComparing(s -> s.id().value())
                .reversed();
        Cursor before = page.before();
        return sessions.values().stream()
                .filter(s -> s.tenantId().equals(tenant))
                .filter(s -> page.status() == null || s.statusAt(page.asOf()) == page.status())
                .filter(s -> before == null
                        || s.createdAt().isBefore(before.createdAt())
                        || (s.createdAt().equals(before.createdAt())
                            && s.id().value().compareTo(before.id().value()) < 0))
                .sorted(newestFirst)
                .limit(page.pageSize())
                .toList();
    }

    @Override
    public Map<ScanStatus, Long> countByStatus(TenantId tenant, Instant from, Instant to, Instant asOf) {
        Map<ScanStatus, Long> counts = new EnumMap<>(ScanStatus.class);
        sessions.values().stream()
                .filter(s -> s.tenantId().equals(tenant))
                .filter(s -> !s.createdAt().isBefore(from) && s.createdAt().isBefore(to))
                .forEach(s -> counts.merge(s.statusAt(asOf), 1L, Long::sum));
        return counts;
    }

    /** Every stored session, whatever its tenant, for assertions. */
    public List<ScanSession> all() {
        return new ArrayList<>(sessions.values());
    }
}
