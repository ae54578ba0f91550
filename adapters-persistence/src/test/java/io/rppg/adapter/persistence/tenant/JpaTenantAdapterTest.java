package io.rppg.adapter.persistence.tenant;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.TenantPortContract;
import io.rppg.application.contract.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JpaTenantAdapterTest extends TenantPortContract {

    @Autowired
    private Tenancy tenancy;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }
}
