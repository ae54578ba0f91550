package io.rppg.application.fakes;

import io.rppg.application.contract.ScanSessionPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanSessionPort;

/** The fake must keep sessions the way the database adapter does, or the service tests prove nothing. */
class InMemoryScanSessionPortTest extends ScanSessionPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final ScanSessionPort sessions = new InMemoryScanSessionPort();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ScanSessionPort sessions() {
        return sessions;
    }
}
