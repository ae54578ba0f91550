package io.rppg.adapter.persistence.quota;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.ScanQuotaPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanQuotaPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcScanQuotaAdapterTest extends ScanQuotaPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private ScanQuotaPort quotas;
    @Autowired
    private ScanAdmissionPort admissions;

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
