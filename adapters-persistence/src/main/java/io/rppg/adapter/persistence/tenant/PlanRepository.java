package io.rppg.adapter.persistence.tenant;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface PlanRepository extends JpaRepository<PlanEntity, UUID> {

    Optional<PlanEntity> findByName(String name);

    List<PlanEntity> findAllByOrderByName();
}
