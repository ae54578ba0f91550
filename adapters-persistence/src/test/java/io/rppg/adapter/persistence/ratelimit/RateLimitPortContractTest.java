package io.rppg.adapter.persistence.ratelimit;

import io.rppg.adapter.persistence.PortContractTest;
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

/** The PostgreSQL buckets: exact counts, a refill per window, and one limit for several nodes at once. */
class RateLimitPortContractTest extends PortContractTest {

    @Autowired
    private RateLimitPort buckets;
    @Autowired
    private DataSource dataSource;

    @Test
    void aBucketGivesItsLimitThenRefusesUntilTheWindowEnds() {
        var key = "test:" + UUID.randomUUID();
        var first = buckets.tryConsume(key, 2, Duration.ofMinutes(1));
        assertThat(first.consumed()).isTrue();
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(first.untilFull()).isBetween(Duration.ofSeconds(55), Duration.ofMinutes(1));
        assertThat(buckets.tryConsume(key, 2, Duration.ofMinutes(1)).consumed()).isTrue();

        var refused = buckets.tryConsume(key, 2, Duration.ofMinutes(1));
        assertThat(refused.consumed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.untilRefill()).isBetween(Duration.ofSeconds(55), Duration.ofMinutes(1));
    }

    @Test
    void aBucketRefillsInFullWhenItsWindowEnds() throws InterruptedException {
        var key = "test:" + UUID.randomUUID();
        var window = Duration.ofMillis(600);
        assertThat(buckets.tryConsume(key, 1, window).consumed()).isTrue();
        assertThat(buckets.tryConsume(key, 1, window).consumed()).isFalse();
        Thread.sleep(700);
        assertThat(buckets.tryConsume(key, 1, window).consumed()).isTrue();
    }

    @Test
    void bucketsAreIndependent() {
        var window = Duration.ofMinutes(1);
        assertThat(buckets.tryConsume("test:" + UUID.randomUUID(), 1, window).consumed()).isTrue();
        assertThat(buckets.tryConsume("test:" + UUID.randomUUID(), 1, window).consumed()).isTrue();
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
