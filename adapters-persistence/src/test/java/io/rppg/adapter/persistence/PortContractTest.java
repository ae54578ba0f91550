package io.rppg.adapter.persistence;

import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Base of the tests of what only the PostgreSQL adapters promise (purges, queries in platform transactions): the real
 * adapters on a real PostgreSQL, and fresh tenants for each test. What every adapter of a port promises is in the
 * port's contract, in application's test-jar.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
public abstract class PortContractTest {

    @Autowired
    protected TransactionPort transactions;
    @Autowired
    protected PlanPort plans;
    @Autowired
    protected TenantPort tenants;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PersistenceTestApplication.useTestDatabase(registry);
    }

    /** PostgreSQL keeps microseconds; compare instants at that precision. */
    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    protected Plan newPlan(int monthlyScans) {
        var plan = new Plan(new PlanId(UUID.randomUUID()), "plan-" + UUID.randomUUID(), monthlyScans, 60, 10, 100,
                false);
        return transactions.inPlatformTransaction(() -> plans.save(plan));
    }

    protected Tenant newTenant(int monthlyScans) {
        var plan = newPlan(monthlyScans);
        var tenant = Tenant.register(new TenantId(UUID.randomUUID()), "clinic " + UUID.randomUUID(), plan.id(), now());
        return transactions.inPlatformTransaction(() -> tenants.save(tenant));
    }
}
