package io.rppg.application.fakes;

import io.rppg.application.contract.TenantDomainPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.TenantDomainPort;

class InMemoryTenantDomainPortTest extends TenantDomainPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final TenantDomainPort domains = new InMemoryTenantDomainPort();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected TenantDomainPort domains() {
        return domains;
    }
}
