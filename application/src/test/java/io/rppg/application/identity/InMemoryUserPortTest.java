package io.rppg.application.identity;

import io.rppg.application.contract.UserPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.UserPort;

class InMemoryUserPortTest extends UserPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final UserPort users = new IdentityFakes.Users();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected UserPort users() {
        return users;
    }
}
