package io.rppg.application.fakes;

import io.rppg.application.contract.Tenancy;
import io.rppg.application.contract.PlanPortContract;

class InMemoryPlanPortTest extends PlanPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }
}
