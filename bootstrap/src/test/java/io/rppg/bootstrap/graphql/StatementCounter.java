package io.rppg.bootstrap.graphql;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Counts the SQL statements the platform sends while a test looks: the pool's connections are made by a data source
 * that wraps each connection, and each statement prepared or executed on it is noted with its text.
 */
final class StatementCounter implements BeanPostProcessor {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private volatile boolean counting;

    /** The statements that {@code work} caused and that match {@code relevant}. */
    List<String> during(Runnable work, Predicate<String> relevant) {
        statements.clear();
        counting = true;
        try {
            work.run();
        } finally {
            counting = false;
        }
        return statements.stream().filter(relevant).toList();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getDataSource() == null) {
            // The pool starts on first use; until then its connections can still come from another data source.
            var driver = new PGSimpleDataSource();
            driver.setURL(pool.getJdbcUrl());
            driver.setUser(pool.getUsername());
            driver.setPassword(pool.getPassword());
            pool.setDataSource(proxy(DataSource.class, driver));
        }
        return bean;
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            if (counting && args != null && args.length > 0 && args[0] instanceof String sql
                    && (method.getName().startsWith("prepare") || method.getName().startsWith("execute")
                    || method.getName().equals("addBatch"))) {
                statements.add(sql);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection && !(result instanceof Proxy)) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return proxy(Statement.class, statement);
            }
            return result;
        });
    }
}
