package io.rppg.application.fakes;

import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs the work at once, and remembers which tenant each unit of work ran for. */
public final class DirectTransactions implements TransactionPort {

    private final List<TenantId> tenantTransactions = new ArrayList<>();
    private int platformTransactions;

    @Override
    public <T> T inTenantTransaction(TenantId tenant, Supplier<T> work) {
        tenantTransactions.add(tenant);
        return work.get();
    }

    @Override
    public <T> T inPlatformTransaction(Supplier<T> work) {
        platformTransactions++;
        return work.get();
    }

    public List<TenantId> tenantTransactions() {
        return List.copyOf(tenantTransactions);
    }

    public int platformTransactions() {
        return platformTransactions;
    }
}
