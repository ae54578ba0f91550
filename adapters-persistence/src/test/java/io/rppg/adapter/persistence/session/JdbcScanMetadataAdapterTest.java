package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.ScanMetadataPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcScanMetadataAdapterTest extends ScanMetadataPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private ScanMetadataPort metadata;
    @Autowired
    private ScanSessionPort sessions;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ScanMetadataPort metadata() {
        return metadata;
    }

    @Override
    protected ScanSessionPort sessions() {
        return sessions;
    }
}
