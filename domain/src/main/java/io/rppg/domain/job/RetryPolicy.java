package io.rppg.domain.job;

import io.rppg.domain.Require;

import java.time.Duration;

/**
 * How often and how patiently a job is tried again after a fault of the platform. Unusable videos are never
 * retried: the same bytes give the same answer.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(5), Duration.ofMinutes(5));

    public RetryPolicy {
        Require.positive(maxAttempts, "max attempts");
        Require.present(firstDelay, "first delay");
        Require.present(maxDelay, "max delay");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= first delay <= max delay");
        }
    }

    /** Exponential back-off: the wait after the given failed attempt (1-based), capped at {@link #maxDelay}. */
    public Duration delayAfterAttempt(int attempt) {
        Require.positive(attempt, "attempt");
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public boolean allowsAnotherAttemptAfter(int attempts) {
        return attempts < maxAttempts;
    }
}
