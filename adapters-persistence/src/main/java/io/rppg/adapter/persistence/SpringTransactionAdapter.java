package io.rppg.adapter.persistence;

import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import java.util.function.Supplier;

/**
 * Spring transactions that tell PostgreSQL whose data they touch. The settings are local to the transaction
 * ({@code set_config(..., true)}), so a pooled connection never carries one tenant into another's work.
 */
@Component
public class SpringTransactionAdapter implements TransactionPort {

    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;

    public SpringTransactionAdapter(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
    }

    @Override
    public <T> T inTenantTransaction(TenantId tenant, Supplier<T> work) {
        return inTransaction(() -> {
            // Both settings in one statement: one round trip, on every request that touches a tenant's data.
            jdbc.query("SELECT set_config('rppg.tenant_id', ?, true), set_config('rppg.platform', 'off', true)",
                    (RowCallbackHandler) row -> { }, tenant.toString());
            return work.get();
        });
    }

    @Override
    public <T> T inPlatformTransaction(Supplier<T> work) {
        return inTransaction(() -> {
            jdbc.queryForObject("SELECT set_config('rppg.platform', 'on', true)", String.class);
            return work.get();
        });
    }

    /**
     * Runs the work in a transaction, joining one already open. When the work fails and the rollback fails too (the
     * database went away mid-transaction, so the connection is closed), the work's own failure is thrown with the
     * rollback's attached: it says what happened, where the rollback's "connection is closed" would not.
     */
    private <T> T inTransaction(Supplier<T> work) {
        var status = transactionManager.getTransaction(TransactionDefinition.withDefaults());
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failure) {
            try {
                transactionManager.rollback(status);
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
        transactionManager.commit(status);
        return result;
    }
}
