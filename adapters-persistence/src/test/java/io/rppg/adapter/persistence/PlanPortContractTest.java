package io.rppg.adapter.persistence;

import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlanPortContractTest extends PortContractTest {

    @Test
    void savedPlanIsFoundByIdAndNameWithEveryLimit() {
        var plan = new Plan(new PlanId(UUID.randomUUID()), "clinic-" + UUID.randomUUID(), 500, 120, 3, 50, true);

        transactions.inPlatformTransaction(() -> plans.save(plan));

        assertThat(transactions.inPlatformTransaction(() -> plans.findById(plan.id()))).contains(plan);
        assertThat(transactions.inPlatformTransaction(() -> plans.findByName(plan.name()))).contains(plan);
        assertThat(transactions.inPlatformTransaction(() -> plans.findAll())).contains(plan);
    }

    @Test
    void changedPlanReplacesTheStoredOne() {
        var plan = newPlan(10);
        var bigger = new Plan(plan.id(), plan.name(), 1000, 600, 20, 100, true);

        transactions.inPlatformTransaction(() -> plans.save(bigger));

        assertThat(transactions.inPlatformTransaction(() -> plans.findById(plan.id()))).contains(bigger);
    }

    @Test
    void unknownPlanIsEmpty() {
        assertThat(transactions.inPlatformTransaction(() -> plans.findById(new PlanId(UUID.randomUUID())))).isEmpty();
    }
}
