package io.rppg.adapter.persistence.live;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.DevicePortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.DevicePort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcDeviceAdapterTest extends DevicePortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private DevicePort devices;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected DevicePort devices() {
        return devices;
    }
}
