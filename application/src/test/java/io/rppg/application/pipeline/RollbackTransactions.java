package io.rppg.application.pipeline;

import io.rppg.application.fakes.InMemoryScanSessionPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.TenantId;

import java.util.function.Supplier;

/**
 * Transactions over the in-memory session store: a unit of work that throws leaves the sessions as they were, and
 * callers can ask whether they run inside a transaction (and for which tenant).
 */
public final class RollbackTransactions implements TransactionPort {

    private final InMemoryScanSessionPort sessions;
    private TenantId current;
    private int depth;

    public RollbackTransactions(InMemoryScanSessionPort sessions) {
        this.sessions = sessions;
    }

    @Override
    public <T> T inTenantTransaction(TenantId tenant, Supplier<T> work) {
        return run(tenant, work);
    }

    @Override
    public <T> T inPlatformTransaction(Supplier<T> work) {
        return run(null, work);
    }

    private <T> T run(TenantId tenant, Supplier<T> work) {
        var before = sessions.all();
        var outer = current;
        depth++;
        current = tenant;
        try {
            return work.get();
        } catch (RuntimeException e) {
            before.forEach(sessions::save);
            throw e;
        } finally {
            depth--;
            current = outer;
        }
    }

    public boolean inTransaction() {
        return depth > 0;
    }

    public TenantId currentTenant() {
        return current;
    }
}
