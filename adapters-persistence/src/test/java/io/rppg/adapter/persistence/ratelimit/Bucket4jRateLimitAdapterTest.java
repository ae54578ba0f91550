package io.rppg.adapter.persistence.ratelimit;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.RateLimitPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.RateLimitPort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.jdbc.core.JdbcTemplate;

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
    void oneNodeGrantsExactlyTheLimitThoughItWritesOnlyNowAndThen() throws Exception {
        var node = new Bucket4jRateLimitAdapter(dataSource, new Bucket4jRateLimitAdapter.Synchronisation(0.2,
                Duration.ofSeconds(1)));

        assertThat(granted(key(), 100, 200, node)).isEqualTo(100);
    }

    @Test
    void severalNodesSharingTheDatabaseOvershootOneLimitByAtMostTheirUnsynchronisedTokens() throws Exception {
        // Two adapters stand for two nodes; each has its own proxy manager and local buckets, the rows are common.
        var synchronisation = new Bucket4jRateLimitAdapter.Synchronisation(0.2, Duration.ofSeconds(1));
        var nodes = new RateLimitPort[] {new Bucket4jRateLimitAdapter(dataSource, synchronisation),
                new Bucket4jRateLimitAdapter(dataSource, synchronisation)};
        long unsynchronised = synchronisation.unsynchronisedTokens(100);

        var granted = granted(key(), 100, 400, nodes);

        assertThat(unsynchronised).isEqualTo(20);
        assertThat(granted).isBetween(100L, 100 + nodes.length * unsynchronised);
    }

    @Test
    void nodesThatWriteEveryRequestShareOneLimitExactly() throws Exception {
        var synchronisation = new Bucket4jRateLimitAdapter.Synchronisation(0, Duration.ZERO);
        var nodes = new RateLimitPort[] {new Bucket4jRateLimitAdapter(dataSource, synchronisation),
                new Bucket4jRateLimitAdapter(dataSource, synchronisation)};

        assertThat(granted(key(), 25, 40, nodes)).isEqualTo(25);
    }

    @Test
    void aNodeLeavingWritesWhatItSpentSoTheOthersSeeIt() throws Exception {
        var synchronisation = new Bucket4jRateLimitAdapter.Synchronisation(0.5, Duration.ofMinutes(5));
        var leaving = new Bucket4jRateLimitAdapter(dataSource, synchronisation);
        var staying = new Bucket4jRateLimitAdapter(dataSource, synchronisation);
        var key = key();
        // The first call reads the row; the next 5 stay on the leaving node until it goes.
        for (int i = 0; i < 6; i++) {
            assertThat(leaving.tryConsume(key, 10, Duration.ofMinutes(1)).consumed()).isTrue();
        }

        leaving.destroy();

        assertThat(staying.tryConsume(key, 10, Duration.ofMinutes(1)).remaining()).isEqualTo(3);
    }

    @Test
    void aBucketWhoseRowWasSweptOutStartsAgainFromANewRow() {
        var node = new Bucket4jRateLimitAdapter(dataSource, new Bucket4jRateLimitAdapter.Synchronisation(0.5,
                Duration.ofMillis(1)));
        var key = key();
        assertThat(node.tryConsume(key, 10, Duration.ofMinutes(1)).consumed()).isTrue();
        new JdbcTemplate(dataSource).update("DELETE FROM " + Bucket4jRateLimitAdapter.TABLE + " WHERE id = ?", key);
        letPass(Duration.ofMillis(5));

        var afterSweep = node.tryConsume(key, 10, Duration.ofMinutes(1));

        assertThat(afterSweep.consumed()).isTrue();
        assertThat(afterSweep.remaining()).isEqualTo(9);
    }

    /** Spends one bucket of that limit with that many calls spread over the nodes and 8 threads; the calls granted. */
    private static long granted(String key, int limit, int calls, RateLimitPort... nodes) throws Exception {
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < calls; i++) {
            var node = nodes[i % nodes.length];
            tasks.add(() -> node.tryConsume(key, limit, Duration.ofMinutes(1)).consumed());
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            long granted = 0;
            for (var result : pool.invokeAll(tasks)) {
                granted += result.get() ? 1 : 0;
            }
            return granted;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
