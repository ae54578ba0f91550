package io.rppg.adapter.persistence;

import io.rppg.adapter.persistence.testsupport.TestDatabase;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The persistence adapters alone, on the test database, for the port contract tests. */
@SpringBootApplication
@Import(PersistenceConfiguration.class)
public class PersistenceTestApplication {

    public static void useTestDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register("spring.datasource", registry::add);
    }

    /** The adapters' transactions, plans and tenants, beside which every port contract runs. */
    @Bean
    Tenancy tenancy(TransactionPort transactions, PlanPort plans, TenantPort tenants) {
        return new Tenancy(transactions, plans, tenants);
    }

    /** Points the data source at the test database; see {@link PostgresAdapters}. */
    static final class TestDatabaseProperties
            implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var db = TestDatabase.connection();
            TestPropertyValues.of(
                    "spring.datasource.url=" + db.url(),
                    "spring.datasource.username=" + db.username(),
                    "spring.datasource.password=" + db.password()
            ).applyTo(context);
        }
    }
}
