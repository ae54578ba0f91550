package io.rppg.adapter.persistence;

import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import org.springframework.context.annotation.Bean;

/**
 * The adapters' transactions, plans and tenants, beside which every port contract runs. Imported by
 * {@link PostgresAdapters}, not annotated: the contracts live in application's test-jar, which the modules that
 * reuse this test-jar (jobs, bootstrap) do not have, so their component scans must not meet this class.
 */
public class ContractTenancy {

    @Bean
    Tenancy tenancy(TransactionPort transactions, PlanPort plans, TenantPort tenants) {
        return new Tenancy(transactions, plans, tenants);
    }
}
