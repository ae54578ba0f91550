package io.rppg.application.port.out;

import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;

import java.util.List;
import java.util.Optional;

/** Stored plans. */
public interface PlanPort {

    Plan save(Plan plan);

    Optional<Plan> findById(PlanId id);

    Optional<Plan> findByName(String name);

    List<Plan> findAll();
}
