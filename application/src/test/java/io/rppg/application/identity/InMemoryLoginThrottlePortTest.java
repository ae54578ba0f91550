package io.rppg.application.identity;

import io.rppg.application.contract.LoginThrottlePortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.fakes.InMemoryLoginThrottlePort;
import io.rppg.application.port.out.LoginThrottlePort;

class InMemoryLoginThrottlePortTest extends LoginThrottlePortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final LoginThrottlePort throttles = new InMemoryLoginThrottlePort();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected LoginThrottlePort throttles() {
        return throttles;
    }
}
