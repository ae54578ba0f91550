package io.rppg.adapter.persistence;

import io.rppg.adapter.persistence.testsupport.TestDatabase;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The persistence adapters alone, on the test database, for the port contract tests. */
@SpringBootApplication
@Import(PersistenceConfiguration.class)
public class PersistenceTestApplication {

    public static void useTestDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.register("spring.datasource", registry::add);
    }
}
