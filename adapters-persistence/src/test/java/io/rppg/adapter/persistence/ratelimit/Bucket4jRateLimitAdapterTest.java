package io.rppg.adapter.persistence.ratelimit;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.RateLimitPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.RateLimitPort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL buckets keep the contract on the wall clock, and one limit holds for several nodes at once. */
@PostgresAdapters
class Bucket4jRateLimitAdapterTest extends RateLimitPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private RateLimitPort buckets;
    @Autowired
    private DataSource dataSource;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected RateLimitPort buckets() {
        return buckets;
    }

    @Override
    protected void letPass(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void severalNodesSharingTheDatabaseShareOneLimit() throws Exception {
        // Two adapters stand for two nodes; each has its own proxy manager, the rows are common.
        var nodes = new RateLimitPort[] {new Bucket4jRateLimitAdapter(dataSource), new Bucket4jRateLimitAdapter(dataSource)};
        var key = "test:" + UUID.randomUUID();
        var calls = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 40; i++) {
            var node = nodes[i % 2];
            calls.add(() -> node.tryConsume(key, 25, Duration.ofMinutes(1)).consumed());
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            long granted = 0;
            for (var result : pool.invokeAll(calls)) {
                granted += result.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(25);
        } finally {
            pool.shutdownNow();
        }
    }
}
