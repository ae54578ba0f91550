package io.rppg.application.fakes;

import io.rppg.application.contract.ScanAdmissionPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;

class InMemoryScanAdmissionsTest extends ScanAdmissionPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final InMemoryScanSessionPort sessions = new InMemoryScanSessionPort();
    private final InMemoryScanQuotaPort quotas = new InMemoryScanQuotaPort();
    private final ScanAdmissionPort admissions = new InMemoryScanAdmissions(sessions, quotas,
            (InMemoryTenantPort) tenancy.tenants(), (InMemoryPlanPort) tenancy.plans());

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ScanAdmissionPort admissions() {
        return admissions;
    }

    @Override
    protected ScanSessionPort sessions() {
        return sessions;
    }

    @Override
    protected ScanQuotaPort quotas() {
        return quotas;
    }
}
