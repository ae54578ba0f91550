package io.rppg.adapter.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the real adapters on the test database. Every class so marked shares one Spring context, whichever
 * contract it extends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = PersistenceTestApplication.class)
@ContextConfiguration(initializers = PersistenceTestApplication.TestDatabaseProperties.class)
@Import(ContractTenancy.class)
public @interface PostgresAdapters {
}
