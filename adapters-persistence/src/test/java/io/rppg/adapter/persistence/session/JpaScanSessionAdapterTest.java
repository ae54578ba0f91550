package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.ScanSessionPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanSessionPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JpaScanSessionAdapterTest extends ScanSessionPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private ScanSessionPort sessions;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ScanSessionPort sessions() {
        return sessions;
    }
}
