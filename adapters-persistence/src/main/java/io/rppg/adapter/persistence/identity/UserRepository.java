package io.rppg.adapter.persistence.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface UserRepository extends JpaRepository<UserEntity, UUID> {

    @Query("select u from UserEntity u where u.username = :login or u.email = :login")
    Optional<UserEntity> findByLogin(String login);

    boolean existsByUsername(String username);

    boolean existsByEmail(String email);

    List<UserEntity> findByTenantIdOrderByCreatedAt(UUID tenantId);

    @Modifying
    @Query("delete from UserEntity u where u.tenantId = :tenantId and u.id = :id")
    int deleteOfTenant(UUID tenantId, UUID id);
}
