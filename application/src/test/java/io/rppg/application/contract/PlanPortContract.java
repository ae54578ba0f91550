package io.rppg.application.contract;

import io.rppg.application.port.out.PlanPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored plans: found by id and by name with every limit, changed in place, listed by name. */
public abstract class PlanPortContract extends PortContract {

    private PlanPort plans() {
        return tenancy().plans();
    }

    @Test
    void aSavedPlanIsFoundByIdAndNameWithEveryLimit() {
        var plan = new Plan(new PlanId(UUID.randomUUID()), "clinic " + UUID.randomUUID(), 500, 120, 3, 50, true);

        inPlatform(() -> plans().save(plan));

        assertThat(inPlatform(() -> plans().findById(plan.id()))).contains(plan);
        assertThat(inPlatform(() -> plans().findByName(plan.name()))).contains(plan);
    }

    @Test
    void aChangedPlanReplacesTheStoredOne() {
        var plan = tenancy().newPlan(10);
        var bigger = new Plan(plan.id(), plan.name(), 1000, 600, 20, 100, true);

        inPlatform(() -> plans().save(bigger));

        assertThat(inPlatform(() -> plans().findById(plan.id()))).contains(bigger);
        assertThat(inPlatform(() -> plans().findAll())).filteredOn(p -> p.id().equals(plan.id()))
                .containsExactly(bigger);
    }

    @Test
    void unknownPlanIsEmptyByIdAndByName() {
        assertThat(inPlatform(() -> plans().findById(new PlanId(UUID.randomUUID())))).isEmpty();
        assertThat(inPlatform(() -> plans().findByName("no plan " + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void plansAreListedByName() {
        var stem = "plan " + UUID.randomUUID();
        var beta = new Plan(new PlanId(UUID.randomUUID()), stem + " beta", 10, 60, 1, 10, false);
        var alpha = new Plan(new PlanId(UUID.randomUUID()), stem + " alpha", 10, 60, 1, 10, false);
        inPlatform(() -> plans().save(beta));
        inPlatform(() -> plans().save(alpha));

        var listed = inPlatform(() -> plans().findAll());

        assertThat(listed).filteredOn(p -> List.of(alpha, beta).contains(p)).containsExactly(alpha, beta);
    }
}
