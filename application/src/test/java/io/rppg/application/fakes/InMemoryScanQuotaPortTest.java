package io.rppg.application.fakes;

import io.rppg.application.contract.ScanQuotaPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanQuotaPort;

class InMemoryScanQuotaPortTest extends ScanQuotaPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final InMemoryScanQuotaPort quotas = new InMemoryScanQuotaPort();
    private final ScanAdmissionPort admissions = new InMemoryScanAdmissions(new InMemoryScanSessionPort(), quotas,
            (InMemoryTenantPort) tenancy.tenants(), (InMemoryPlanPort) tenancy.plans());

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ScanQuotaPort quotas() {
        return quotas;
    }

    @Override
    protected ScanAdmissionPort admissions() {
        return admissions;
    }
}
