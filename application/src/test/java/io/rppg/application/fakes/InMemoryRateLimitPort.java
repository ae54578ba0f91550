package io.rppg.application.fakes;

import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.RateLimitPort;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Fixed windows in memory, on the test's clock: each bucket refills in full when its window ends. */
public final class InMemoryRateLimitPort implements RateLimitPort {

    private final ClockPort clock;
    private final Map<String, Window> windows = new HashMap<>();

    public InMemoryRateLimitPort(ClockPort clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Consumption tryConsume(String bucketKey, int limit, Duration window) {
        var now = clock.now();
        var current = windows.get(bucketKey);
        if (current == null || !current.endsAt().isAfter(now)) {
            current = new Window(limit, now.plus(window));
        }
        var untilEnd = Duration.between(now, current.endsAt());
        if (current.tokens() == 0) {
            windows.put(bucketKey, current);
            return new Consumption(false, 0, untilEnd, untilEnd);
        }
        current = new Window(current.tokens() - 1, current.endsAt());
        windows.put(bucketKey, current);
        return new Consumption(true, current.tokens(), Duration.ZERO, untilEnd);
    }

    private record Window(long tokens, Instant endsAt) {
    }
}
