package io.rppg.application.fakes;

import io.rppg.application.contract.ScanQuotaPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanQuotaPort;

class InMemoryScanQuotaPortTest extends ScanQuotaPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final ScanQuotaPort quotas = new InMemoryScanQuotaPort();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ScanQuotaPort quotas() {
        return quotas;
    }
}
