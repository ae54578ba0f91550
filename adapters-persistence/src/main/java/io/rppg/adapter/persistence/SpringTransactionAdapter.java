package io.rppg.adapter.persistence;

import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Spring transactions that tell PostgreSQL whose data they touch. The settings are local to the transaction
 * ({@code set_config(..., true)}), so a pooled connection never carries one tenant into another's work.
 */
@Component
public class SpringTransactionAdapter implements TransactionPort {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public SpringTransactionAdapter(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    @Override
    public <T> T inTenantTransaction(TenantId tenant, Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('rppg.tenant_id', ?, true)", String.class, tenant.toString());
            jdbc.queryForObject("SELECT set_config('rppg.platform', 'off', true)", String.class);
            return work.get();
        });
    }

    @Override
    public <T> T inPlatformTransaction(Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('rppg.platform', 'on', true)", String.class);
            return work.get();
        });
    }
}
