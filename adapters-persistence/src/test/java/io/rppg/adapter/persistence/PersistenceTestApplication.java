package io.rppg.adapter.persistence;

import io.rppg.adapter.persistence.testsupport.TestDatabase;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The persistence adapters alone, on the test database, for the port contract tests. */
@SpringBootApplication
@Import(PersistenceConfiguration.class)
public class PersistenceTestApplication {

    public static void useTestDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register("spring.datasource", registry::add);
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
