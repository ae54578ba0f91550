package io.rppg.application.fakes;

import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.domain.quota.ScanAllowance;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;

/**
 * Admissions over the in-memory sessions, scan counts, tenants and plans, by the adapter's rule: below the plan's
 * open sessions for the owner, and a scan of the period left, or nothing happens. One caller at a time.
 */
public final class InMemoryScanAdmissions implements ScanAdmissionPort {

    private final InMemoryScanSessionPort sessions;
    private final InMemoryScanQuotaPort quotas;
    private final InMemoryTenantPort tenants;
    private final InMemoryPlanPort plans;

    public InMemoryScanAdmissions(InMemoryScanSessionPort sessions, InMemoryScanQuotaPort quotas,
                                  InMemoryTenantPort tenants, InMemoryPlanPort plans) {
        this.sessions = sessions;
        this.quotas = quotas;
        this.tenants = tenants;
        this.plans = plans;
    }

    @Override
    public synchronized Admission admit(ScanSession opened, UsagePeriod period) {
        var tenant = tenants.findById(opened.tenantId())
                .orElseThrow(() -> new IllegalStateException("unknown tenant " + opened.tenantId()));
        var plan = plans.findById(tenant.planId())
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant.id() + " has no plan"));
        if (sessions.findById(opened.tenantId(), opened.id()).isPresent()) {
            throw new IllegalStateException("session " + opened.id() + " exists already");
        }
        if (sessions.countOpen(opened.tenantId(), opened.owner(), opened.createdAt()) >= plan.maxOpenSessions()) {
            return new Admission.TooManyOpenSessions(plan.maxOpenSessions());
        }
        return switch (quotas.consumeOne(opened.tenantId(), period, plan.monthlyScans())) {
            case ScanAllowance.NoScansAvailable refused -> new Admission.NoScansAvailable(plan.monthlyScans());
            case ScanAllowance.Granted(var left) -> new Admission.Admitted(sessions.add(opened), left);
        };
    }
}
