package io.rppg.application.fakes;

import io.rppg.application.port.out.PlanPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans by id. */
public final class InMemoryPlanPort implements PlanPort {

    private final Map<PlanId, Plan> plans = new LinkedHashMap<>();

    @Override
    public Plan save(Plan plan) {
        plans.put(plan.id(), plan);
        return plan;
    }

    @Override
    public Optional<Plan> findById(PlanId id) {
        return Optional.ofNullable(plans.get(id));
    }

    @Override
    public Optional<Plan> findByName(String name) {
        return plans.values().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** In order of their names, as the database lists them. */
    @Override
    public List<Plan> findAll() {
        return plans.values().stream().sorted(Comparator.comparing(Plan::name)).toList();
    }
}
