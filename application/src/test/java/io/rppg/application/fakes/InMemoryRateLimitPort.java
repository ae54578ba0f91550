package io.rppg.application.fakes;

import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.RateLimitPort;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed windows in memory, on the test's clock: each bucket refills in full to the limit it was made with when its
 * window ends, the windows following one another from the bucket's first use.
 */
public final class InMemoryRateLimitPort implements RateLimitPort {

    private final ClockPort clock;
    private final Map<String, Window> windows = new HashMap<>();

    public InMemoryRateLimitPort(ClockPort clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Consumption tryConsume(String bucketKey, int limit, Duration window, int tokens) {
        var now = clock.now();
        var current = windows.get(bucketKey);
        if (current == null) {
            current = new Window(limit, limit, now.plus(window), window);
        } else if (!current.endsAt().isAfter(now)) {
            long ended = Duration.between(current.endsAt(), now).dividedBy(current.length()) + 1;
            current = new Window(current.limit(), current.limit(),
                    current.endsAt().plus(current.length().multipliedBy(ended)), current.length());
        }
        var untilEnd = Duration.between(now, current.endsAt());
        if (current.tokens() < tokens) {
            windows.put(bucketKey, current);
            return new Consumption(false, current.tokens(), untilEnd, untilEnd);
        }
        current = new Window(current.limit(), current.tokens() - tokens, current.endsAt(), current.length());
        windows.put(bucketKey, current);
        return new Consumption(true, current.tokens(), Duration.ZERO, untilEnd);
    }

    private record Window(int limit, long tokens, Instant endsAt, Duration length) {
    }
}
