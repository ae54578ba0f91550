package io.rppg.application.service.admin;

import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.GetTenantUsageQuery;
import io.rppg.application.port.in.GetTenantUsageQuery.TenantUsage;
import io.rppg.application.port.in.ViewTenantUsageQuery;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.TenantId;

/** Usage, for those who administer the tenant. */
public final class TenantUsageAdministration implements ViewTenantUsageQuery {

    private final GetTenantUsageQuery usage;
    private final TenantPort tenants;
    private final TransactionPort transactions;

    public TenantUsageAdministration(GetTenantUsageQuery usage, TenantPort tenants, TransactionPort transactions) {
        this.usage = usage;
        this.tenants = tenants;
        this.transactions = transactions;
    }

    @Override
    public AdminOutcome<TenantUsage> viewUsage(Actor actor, TenantId tenant) {
        var refusal = TenantAccess.<TenantUsage>refusal(actor, tenant);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (transactions.inPlatformTransaction(() -> tenants.findById(tenant)).isEmpty()) {
            return new AdminOutcome.NotFound<>("tenant");
        }
        return AdminOutcome.done(usage.getTenantUsage(tenant));
    }
}
