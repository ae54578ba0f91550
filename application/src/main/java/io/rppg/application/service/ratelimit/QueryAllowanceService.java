package io.rppg.application.service.ratelimit;

import io.rppg.application.port.in.ConsumeQueryAllowanceUseCase;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.CallerRequest;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.RequestAllowance;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.RateLimitPort;

import java.time.Duration;

/**
 * The query API's allowance: {@link Settings#pointsPerWindow()} points per window and credential (500 an hour, as
 * the v2 document promises for GraphQL), a query spending as many points as its complexity, in the same shared
 * buckets as every other limit.
 */
public final class QueryAllowanceService implements ConsumeQueryAllowanceUseCase {

    private final RateLimitPort buckets;
    private final ClockPort clock;
    private final Settings settings;

    public QueryAllowanceService(RateLimitPort buckets, ClockPort clock, Settings settings) {
        this.buckets = buckets;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public RequestAllowance consumeQuery(CallerRequest caller, int cost) {
        if (cost < 1) {
            throw new IllegalArgumentException("a query costs at least one point");
        }
        int limit = settings.pointsPerWindow();
        var window = settings.window();
        // Its own bucket beside the per-request one; the limit and window name it, so a change starts a fresh one.
        var key = "query:" + caller.credentialKey() + ":" + limit + "/" + window.toMillis() + "ms";
        var consumption = buckets.tryConsume(key, limit, window, Math.min(cost, limit));
        var now = clock.now();
        if (consumption.consumed()) {
            return new RequestAllowance.Allowed(limit, consumption.remaining(), now.plus(consumption.untilFull()));
        }
        return new RequestAllowance.Limited(limit, consumption.untilRefill(), now.plus(consumption.untilRefill()));
    }

    /** @param pointsPerWindow complexity points a credential may spend per window */
    public record Settings(int pointsPerWindow, Duration window) {
        public Settings {
            if (pointsPerWindow < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a query allowance needs positive points and window");
            }
        }
    }
}
