package io.rppg.adapter.persistence.session;

import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class JpaScanSessionAdapter implements ScanSessionPort {

    private static final List<ScanStatus> OPEN = List.of(ScanStatus.PENDING, ScanStatus.PROCESSING);

    private final ScanSessionRepository sessions;

    JpaScanSessionAdapter(ScanSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public ScanSession save(ScanSession session) {
        return ScanSessionMapper.toDomain(sessions.save(ScanSessionMapper.toEntity(session)));
    }

    @Override
    public Optional<ScanSession> findById(TenantId tenant, ScanSessionId id) {
        return sessions.findByTenantIdAndId(tenant.value(), id.value()).map(ScanSessionMapper::toDomain);
    }

    @Override
    public Optional<ScanSession> findByIdForUpdate(TenantId tenant, ScanSessionId id) {
        return sessions.findForUpdate(tenant.value(), id.value()).map(ScanSessionMapper::toDomain);
    }

    @Override
    public int countOpen(TenantId tenant, SessionOwner owner, Instant now) {
        sessions.lockOwner(tenant.value() + "/" + owner.value());
        return sessions.countOpen(tenant.value(), owner.value(), OPEN, now);
    }

    @Override
    public List<ScanSession> findPage(TenantId tenant, ScanSessionPage page) {
        var cursor = page.before();
        var filter = StatusFilter.of(page.status(), page.asOf());
        return sessions.findPage(tenant.value(), filter.stored(), filter.expiresAfter(), filter.expiredBy(),
                        cursor == null ? null : cursor.createdAt(),
                        cursor == null ? null : cursor.id().value(),
                        Limit.of(page.pageSize()))
                .stream().map(ScanSessionMapper::toDomain).toList();
    }

    /**
     * A status as clients see it, in stored terms: pending is stored pending and not yet expired; expired is stored
     * pending (or expired) past its expiry. See {@link ScanSession#statusAt}.
     */
    private record StatusFilter(List<ScanStatus> stored, Instant expiresAfter, Instant expiredBy) {

        static StatusFilter of(ScanStatus seen, Instant asOf) {
            if (seen == null) {
                return new StatusFilter(List.of(ScanStatus.values()), null, null);
            }
            return switch (seen) {
                case PENDING -> new StatusFilter(List.of(ScanStatus.PENDING), asOf, null);
                case EXPIRED -> new StatusFilter(List.of(ScanStatus.PENDING, ScanStatus.EXPIRED), null, asOf);
                case PROCESSING, COMPLETED, FAILED -> new StatusFilter(List.of(seen), null, null);
            };
        }
    }

    @Override
    public Map<ScanStatus, Long> countByStatus(TenantId tenant, Instant from, Instant to) {
        var counts = new EnumMap<ScanStatus, Long>(ScanStatus.class);
        for (Object[] row : sessions.countByStatus(tenant.value(), from, to)) {
            counts.put((ScanStatus) row[0], (Long) row[1]);
        }
        return counts;
    }
}
