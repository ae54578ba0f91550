package io.rppg.application.fakes;

import io.rppg.application.contract.RateLimitPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.RateLimitPort;

import java.time.Duration;
import java.time.Instant;

class InMemoryRateLimitPortTest extends RateLimitPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final FixedClock clock = new FixedClock(Instant.parse("2026-03-15T10:00:00Z"));
    private final RateLimitPort buckets = new InMemoryRateLimitPort(clock);

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
        clock.advance(duration);
    }
}
