package io.rppg.adapter.persistence.identity;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.UserPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.UserPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JpaUserAdapterTest extends UserPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private UserPort users;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected UserPort users() {
        return users;
    }
}
