package io.rppg.application.service.ratelimit;

import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.RateLimitPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a request may proceed. The limit of a tenant's caller is its plan's requests per minute (scaled to
 * the configured window); plans are remembered for a short while so that a request does not cost a database read
 * for it. The counting itself happens in the shared buckets behind {@link RateLimitPort}.
 */
public final class RequestAllowanceService implements ConsumeRequestAllowanceUseCase {

    private final RateLimitPort buckets;
    private final TenantPort tenants;
    private final PlanPort plans;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final Settings settings;
    private final Map<TenantId, Remembered> limits = new ConcurrentHashMap<>();

    public RequestAllowanceService(RateLimitPort buckets, TenantPort tenants, PlanPort plans,
                                   TransactionPort transactions, ClockPort clock, Settings settings) {
        this.buckets = buckets;
        this.tenants = tenants;
        this.plans = plans;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public RequestAllowance consumeForCaller(CallerRequest request) {
        int limit = request.tenant().map(this::limitOf).orElse(settings.platformRequestsPerMinute());
        return consume("caller:" + request.credentialKey(), limit);
    }

    @Override
    public RequestAllowance consumeForLogin(String clientAddress) {
        var address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
        return consume("login-address:" + address, settings.loginRequestsPerMinute());
    }

    private RequestAllowance consume(String key, int limit) {
        var window = settings.window();
        // The limit and window name the bucket: a plan change or a new window starts a fresh, full bucket.
        var bucketKey = key + ":" + limit + "/" + window.toMillis() + "ms";
        var consumption = buckets.tryConsume(bucketKey, limit, window);
        var now = clock.now();
        var resetAt = now.plus(consumption.untilFull());
        if (consumption.consumed()) {
            return new RequestAllowance.Allowed(limit, consumption.remaining(), resetAt);
        }
        return new RequestAllowance.Limited(limit, consumption.untilRefill(), now.plus(consumption.untilRefill()));
    }

    private int limitOf(TenantId tenant) {
        var now = clock.now();
        var remembered = limits.get(tenant);
        if (remembered != null && remembered.until().isAfter(now)) {
            return remembered.limit();
        }
        var perMinute = transactions.inPlatformTransaction(() -> tenants.findById(tenant)
                .flatMap(found -> plans.findById(found.planId()))
                .map(Plan::requestsPerMinute)
                .orElse(settings.defaultRequestsPerMinute()));
        limits.put(tenant, new Remembered(perMinute, now.plus(settings.planCacheTtl())));
        return perMinute;
    }

    private record Remembered(int limit, Instant until) {
    }

    /**
     * Limits are counted per window. The window is one minute in production, so that a plan's requests per minute
     * are taken as they are; tests shorten it to see a limit recover without waiting a minute.
     *
     * @param window                    how often a bucket refills in full
     * @param defaultRequestsPerMinute  for a tenant whose plan cannot be found
     * @param platformRequestsPerMinute for platform administrators, who have no tenant and no plan
     * @param loginRequestsPerMinute    login attempts per client address
     * @param planCacheTtl              how long a plan's limit is remembered
     */
    public record Settings(Duration window, int defaultRequestsPerMinute, int platformRequestsPerMinute,
                           int loginRequestsPerMinute, Duration planCacheTtl) {

        public Settings {
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the rate-limit window must be positive");
            }
            if (defaultRequestsPerMinute < 1 || platformRequestsPerMinute < 1 || loginRequestsPerMinute < 1) {
                throw new IllegalArgumentException("request limits must be positive");
            }
            if (planCacheTtl == null || planCacheTtl.isNegative()) {
                throw new IllegalArgumentException("the plan cache time must not be negative");
            }
        }
    }
}
