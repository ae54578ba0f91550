package io.rppg.adapter.persistence.tenant;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.TenantDomainPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.TenantDomainPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcTenantDomainAdapterTest extends TenantDomainPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private TenantDomainPort domains;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected TenantDomainPort domains() {
        return domains;
    }
}
