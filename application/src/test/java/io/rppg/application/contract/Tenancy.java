package io.rppg.application.contract;

import io.rppg.application.fakes.DirectTransactions;
import io.rppg.application.fakes.InMemoryPlanPort;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;

import java.util.UUID;

/**
 * The transactions, plans and tenants beside the port under test: in memory, or the adapters on PostgreSQL. Every
 * plan and tenant it makes has a random id and name, so that tests sharing one database never meet.
 */
public record Tenancy(TransactionPort transactions, PlanPort plans, TenantPort tenants) {

    public static Tenancy inMemory() {
        return new Tenancy(new DirectTransactions(), new InMemoryPlanPort(), new InMemoryTenantPort());
    }

    public Plan newPlan(int monthlyScans) {
        var plan = new Plan(new PlanId(UUID.randomUUID()), "plan " + UUID.randomUUID(), monthlyScans, 60, 10, 100,
                false);
        return transactions.inPlatformTransaction(() -> plans.save(plan));
    }

    public Tenant newTenant(int monthlyScans) {
        var plan = newPlan(monthlyScans);
        var tenant = Tenant.register(new TenantId(UUID.randomUUID()), "clinic " + UUID.randomUUID(), plan.id(),
                PortContract.now());
        return transactions.inPlatformTransaction(() -> tenants.save(tenant));
    }
}
