package io.rppg.adapter.persistence.tenant;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface TenantRepository extends JpaRepository<TenantEntity, UUID> {

    List<TenantEntity> findAllByOrderByCreatedAt();
}
