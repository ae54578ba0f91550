package io.rppg.application.pipeline;

import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records each client metadata kept and the tenant transaction it was kept in; can be told to fail. */
public final class RecordingScanMetadata implements ScanMetadataPort {

    public record Kept(ScanSessionId session, String json, TenantId transactionTenant) {
    }

    private final RollbackTransactions transactions;
    private final List<Kept> kept = new ArrayList<>();
    private RuntimeException failure;

    public RecordingScanMetadata(RollbackTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(TenantId tenant, ScanSessionId session, String json) {
        if (failure != null) {
            throw failure;
        }
        kept.add(new Kept(session, json, transactions.inTransaction() ? transactions.currentTenant() : null));
    }

    @Override
    public Optional<String> find(TenantId tenant, ScanSessionId session) {
        return kept.stream().filter(k -> k.session().equals(session)).map(Kept::json).reduce((a, b) -> b);
    }

    public void failWith(RuntimeException e) {
        this.failure = e;
    }

    public List<Kept> kept() {
        return List.copyOf(kept);
    }
}
