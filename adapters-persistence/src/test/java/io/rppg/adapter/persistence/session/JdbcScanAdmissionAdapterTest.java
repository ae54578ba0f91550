package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.ScanAdmissionPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JdbcScanAdmissionAdapterTest extends ScanAdmissionPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private ScanAdmissionPort admissions;
    @Autowired
    private ScanSessionPort sessions;
    @Autowired
    private ScanQuotaPort quotas;

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
