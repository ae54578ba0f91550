package io.rppg.application.fakes;

import io.rppg.application.contract.ScanMetadataPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;

class InMemoryScanMetadataPortTest extends ScanMetadataPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final ScanMetadataPort metadata = new InMemoryScanMetadataPort();
    private final ScanSessionPort sessions = new InMemoryScanSessionPort();

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
