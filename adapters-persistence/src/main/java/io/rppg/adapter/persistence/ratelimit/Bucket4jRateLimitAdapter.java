package io.rppg.adapter.persistence.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.rppg.application.port.out.RateLimitPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets in PostgreSQL ({@code rate_limit_buckets}), so that every node of a cluster counts against the same
 * limit, without a database round trip on every request.
 *
 * <p>Each node keeps its own copy of a bucket (Bucket4j's delaying optimisation) and spends tokens from it locally;
 * it writes what it spent to the shared row, and reads back what the other nodes spent, once it has spent
 * {@link Synchronisation#unsynchronisedTokens(int) N} tokens unseen by the others, or once
 * {@link Synchronisation#maxDelay()} has passed since its last exchange, whichever comes first. A refusal costs no
 * round trip either. What this costs in precision, and no more: within one window, <b>a cluster of n nodes grants
 * at most {@code limit + n × N} requests of one bucket</b>, because each node may have granted up to N tokens that
 * another node already spent; a single node grants exactly {@code limit}. {@code N = max(1, floor(limit × share))},
 * 2 % of the limit by default. Refusals are never early: a node only refuses when the tokens really are gone as far
 * as it knows.
 *
 * <p>A node forgets a bucket it has not used for a few windows; it first writes what it spent. A bucket that refills
 * in full at the end of its window has its row expire, and expired rows are swept out now and then.
 */
@Component
class Bucket4jRateLimitAdapter implements RateLimitPort, DisposableBean {

    static final String TABLE = "rate_limit_buckets";
    private static final Logger log = LoggerFactory.getLogger(Bucket4jRateLimitAdapter.class);
    private static final long SWEEP_EVERY_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final int SWEEP_BATCH = 1000;
    /** Buckets a node keeps in memory; beyond that the least used is written back and forgotten. */
    private static final int KEPT_BUCKETS = 100_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Synchronisation synchronisation;
    private final Cache<String, BucketProxy> local;
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP_EVERY_NANOS);

    /**
     * How often a node exchanges its count with the others.
     *
     * @param share    the share of a bucket's limit a node may spend before it must write it (0 writes every request)
     * @param maxDelay the longest a node's spending stays unwritten, and its view of the others' unread
     */
    record Synchronisation(double share, Duration maxDelay) {

        Synchronisation {
            if (!(share >= 0 && share < 1)) {
                throw new IllegalArgumentException("the unsynchronised share of a limit must be in [0, 1)");
            }
            if (maxDelay == null || maxDelay.isNegative()) {
                throw new IllegalArgumentException("the synchronisation delay must not be negative");
            }
        }

        /** N: the tokens a node may spend before it must tell the others; 0 means every request goes to the row. */
        long unsynchronisedTokens(int limit) {
            return share == 0 ? 0 : Math.max(1, (long) Math.floor(limit * share));
        }
    }

    @Autowired
    Bucket4jRateLimitAdapter(DataSource dataSource,
                             @Value("${rppg.rate-limit.unsynchronised-share:0.02}") double share,
                             @Value("${rppg.rate-limit.max-unsynchronised:1s}") Duration maxDelay) {
        this(dataSource, new Synchronisation(share, maxDelay));
    }

    Bucket4jRateLimitAdapter(DataSource dataSource, Synchronisation synchronisation) {
        this.synchronisation = synchronisation;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        this.local = Caffeine.newBuilder()
                .maximumSize(KEPT_BUCKETS)
                .expireAfterAccess(Duration.ofMinutes(10))
                // Written back on the thread that evicts: rare, and then done before the node shuts down.
                .executor(Runnable::run)
                .removalListener(this::writeBack)
                .build();
    }

    @Override
    public Consumption tryConsume(String bucketKey, int limit, Duration window, int tokens) {
        ConsumptionProbe probe;
        try {
            probe = local.get(bucketKey, key -> bucket(key, limit, window)).tryConsumeAndReturnRemaining(tokens);
        } catch (RuntimeException e) {
            if (!isMissingRow(e)) {
                throw e;
            }
            // The row was swept out, as rows of buckets that are full again are: start over from a new row.
            local.invalidate(bucketKey);
            probe = local.get(bucketKey, key -> bucket(key, limit, window)).tryConsumeAndReturnRemaining(tokens);
        }
        sweepNowAndThen();
        return new Consumption(probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
    }

    private BucketProxy bucket(String key, int limit, Duration window) {
        var configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, window))
                .build();
        var tokens = synchronisation.unsynchronisedTokens(limit);
        var builder = buckets.builder();
        // A bucket with an optimisation cannot create its own row (it fails with "bucket does not exist"), so a
        // plain call creates it first, once per bucket and node.
        builder.build(key, () -> configuration).getAvailableTokens();
        if (tokens > 0) {
            builder = builder.withOptimization(
                    Optimizations.delaying(new DelayParameters(tokens, synchronisation.maxDelay())));
        }
        return builder.build(key, () -> configuration);
    }

    /** A bucket leaving this node's memory first writes what it spent, so that no granted request goes uncounted. */
    private void writeBack(String key, Bucket bucket, RemovalCause cause) {
        if (bucket instanceof BucketProxy proxy && synchronisation.share() > 0) {
            try {
                proxy.getOptimizationController().syncImmediately();
            } catch (RuntimeException e) {
                log.info("Could not write back a rate-limit bucket: {}", e.getMessage());
            }
        }
    }

    private static boolean isMissingRow(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** Writes every bucket's unwritten spending, as a node does before it leaves the cluster. */
    @Override
    public void destroy() {
        local.invalidateAll();
        local.cleanUp();
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
