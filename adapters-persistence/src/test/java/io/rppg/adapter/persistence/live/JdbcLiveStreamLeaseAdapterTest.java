package io.rppg.adapter.persistence.live;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.LiveStreamLeasePortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.LiveStreamLeasePort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcLiveStreamLeaseAdapterTest extends LiveStreamLeasePortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private LiveStreamLeasePort leases;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected LiveStreamLeasePort leases() {
        return leases;
    }
}
