package io.rppg.adapter.persistence.tenant;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.PlanPortContract;
import io.rppg.application.contract.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JpaPlanAdapterTest extends PlanPortContract {

    @Autowired
    private Tenancy tenancy;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }
}
