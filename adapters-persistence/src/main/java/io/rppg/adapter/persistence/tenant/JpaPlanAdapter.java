package io.rppg.adapter.persistence.tenant;

import io.rppg.application.port.out.PlanPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
class JpaPlanAdapter implements PlanPort {

    private final PlanRepository plans;

    JpaPlanAdapter(PlanRepository plans) {
        this.plans = plans;
    }

    @Override
    public Plan save(Plan plan) {
        return plans.save(PlanEntity.from(plan)).toDomain();
    }

    @Override
    public Optional<Plan> findById(PlanId id) {
        return plans.findById(id.value()).map(PlanEntity::toDomain);
    }

    @Override
    public Optional<Plan> findByName(String name) {
        return plans.findByName(name).map(PlanEntity::toDomain);
    }

    @Override
    public List<Plan> findAll() {
        return plans.findAllByOrderByName().stream().map(PlanEntity::toDomain).toList();
    }
}
