package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.ScanCatalogPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.DevicePort;
import io.rppg.application.port.out.ScanCatalogPort;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcScanCatalogAdapterTest extends ScanCatalogPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private ScanCatalogPort catalog;
    @Autowired
    private ScanSessionPort sessions;
    @Autowired
    private DevicePort devices;
    @Autowired
    private ScanMetadataPort metadata;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ScanCatalogPort catalog() {
        return catalog;
    }

    @Override
    protected ScanSessionPort sessions() {
        return sessions;
    }

    @Override
    protected DevicePort devices() {
        return devices;
    }

    @Override
    protected ScanMetadataPort metadata() {
        return metadata;
    }
}
