package io.rppg.application.port.in;

import io.rppg.domain.tenant.Plan;

import java.util.List;

/** Platform admins define the plans tenants are on. */
public interface ManagePlansUseCase {

    AdminOutcome<Plan> createPlan(Actor actor, NewPlan plan);

    AdminOutcome<List<Plan>> listPlans(Actor actor);

    record NewPlan(String name, int monthlyScans, int requestsPerMinute, int maxOpenSessions, int maxUploadMegabytes,
                   boolean retainVideo) {
    }
}
