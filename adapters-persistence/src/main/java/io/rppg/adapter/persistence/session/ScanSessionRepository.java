package io.rppg.adapter.persistence.session;

import io.rppg.domain.session.ScanStatus;
import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ScanSessionRepository extends JpaRepository<ScanSessionEntity, ScanSessionKey> {

    Optional<ScanSessionEntity> findByTenantIdAndId(UUID tenantId, String id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ScanSessionEntity s where s.tenantId = :tenantId and s.id = :id")
    Optional<ScanSessionEntity> findForUpdate(UUID tenantId, String id);

    @Query("""
            select s from ScanSessionEntity s
            where s.tenantId = :tenantId
              and s.status in :statuses
              and (cast(:expiresAfter as java.time.Instant) is null or s.expiresAt > :expiresAfter)
              and (cast(:expiredBy as java.time.Instant) is null or s.expiresAt <= :expiredBy)
              and (cast(:beforeCreatedAt as java.time.Instant) is null
                   or s.createdAt < :beforeCreatedAt
                   or (s.createdAt = :beforeCreatedAt and s.id < :beforeId))
            order by s.createdAt desc, s.id desc
            """)
    List<ScanSessionEntity> findPage(UUID tenantId, Collection<ScanStatus> statuses, Instant expiresAfter,
                                     Instant expiredBy, Instant beforeCreatedAt, String beforeId, Limit limit);

    @Query("""
            select s.status, count(s) from ScanSessionEntity s
            where s.tenantId = :tenantId and s.createdAt >= :from and s.createdAt < :to
              and (s.status <> :pending or s.expiresAt > :asOf)
            group by s.status
            """)
    List<Object[]> countByStatusBesidesExpired(UUID tenantId, Instant from, Instant to, ScanStatus pending,
                                               Instant asOf);

    @Query("""
            select count(s) from ScanSessionEntity s
            where s.tenantId = :tenantId and s.createdAt >= :from and s.createdAt < :to
              and s.status = :pending and s.expiresAt <= :asOf
            """)
    long countPendingExpiredBy(UUID tenantId, Instant from, Instant to, ScanStatus pending, Instant asOf);
}
