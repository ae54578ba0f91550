package io.rppg.application.fakes;

import io.rppg.application.contract.Tenancy;
import io.rppg.application.contract.TenantPortContract;

class InMemoryTenantPortTest extends TenantPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }
}
