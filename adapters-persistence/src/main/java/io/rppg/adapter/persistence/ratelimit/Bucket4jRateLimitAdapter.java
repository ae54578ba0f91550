package io.rppg.adapter.persistence.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.rppg.application.port.out.RateLimitPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets in PostgreSQL ({@code rate_limit_buckets}), so that every node of a cluster counts against the same
 * limit. Each attempt locks its bucket's row ({@code SELECT ... FOR UPDATE}) for the length of one short
 * transaction. A bucket refills in full at the end of each window; rows of buckets that are full again expire and
 * are swept out now and then.
 */
@Component
class Bucket4jRateLimitAdapter implements RateLimitPort {

    static final String TABLE = "rate_limit_buckets";
    private static final Logger log = LoggerFactory.getLogger(Bucket4jRateLimitAdapter.class);
    private static final long SWEEP_EVERY_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final int SWEEP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP_EVERY_NANOS);

    Bucket4jRateLimitAdapter(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public Consumption tryConsume(String bucketKey, int limit, Duration window) {
        var configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, window))
                .build();
        var probe = buckets.builder().build(bucketKey, () -> configuration).tryConsumeAndReturnRemaining(1);
        sweepNowAndThen();
        return new Consumption(probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
    }

    private void sweepNowAndThen() {
        var due = nextSweep.get();
        if (System.nanoTime() - due < 0 || !nextSweep.compareAndSet(due, System.nanoTime() + SWEEP_EVERY_NANOS)) {
            return;
        }
        try {
            var removed = buckets.removeExpired(SWEEP_BATCH);
            log.debug("Removed {} expired rate-limit buckets", removed);
        } catch (RuntimeException e) {
            log.warn("Could not remove expired rate-limit buckets: {}", e.getMessage());
        }
    }
}
