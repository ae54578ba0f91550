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

    /** A transaction-scoped advisory lock on the owner: the count and the insert that follows it are not split. */
    @Query(value = "select 1 from pg_advisory_xact_lock(hashtextextended(:owner, 0))", nativeQuery = true)
    Integer lockOwner(String owner);

    @Query("""
            select count(s) from ScanSessionEntity s
            where s.tenantId = :tenantId and s.owner = :owner and s.status in :statuses and s.expiresAt > :now
            """)
    int countOpen(UUID tenantId, String owner, Collection<ScanStatus> statuses, Instant now);

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
            group by s.status
            """)
    List<Object[]> countByStatus(UUID tenantId, Instant from, Instant to);
}
