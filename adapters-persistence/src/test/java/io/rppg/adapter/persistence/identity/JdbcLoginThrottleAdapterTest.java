package io.rppg.adapter.persistence.identity;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.LoginThrottlePortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.LoginThrottlePort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcLoginThrottleAdapterTest extends LoginThrottlePortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private LoginThrottlePort throttles;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected LoginThrottlePort throttles() {
        return throttles;
    }
}
