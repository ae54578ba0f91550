package io.rppg.application.contract;

import io.rppg.application.port.out.RateLimitPort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token buckets that refill in full at the end of each window, the windows counted from the bucket's first use.
 * Buckets live outside any tenant's data, so no transaction is asked for.
 */
public abstract class RateLimitPortContract extends PortContract {

    /** Slack for a side whose time is the wall clock's, not a test clock's. */
    private static final Duration SLACK = Duration.ofMillis(900);

    protected abstract RateLimitPort buckets();

    /** Lets at least {@code duration} pass for the buckets. */
    protected abstract void letPass(Duration duration);

    @Test
    void aBucketGivesItsLimitThenRefusesUntilTheWindowEnds() {
        var key = newKey();
        var window = Duration.ofMinutes(1);

        var first = buckets().tryConsume(key, 2, window);
        var second = buckets().tryConsume(key, 2, window);
        var refused = buckets().tryConsume(key, 2, window);

        assertThat(first.consumed()).isTrue();
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(first.untilRefill()).isZero();
        assertThat(first.untilFull()).isBetween(window.minus(SLACK), window);
        assertThat(second.consumed()).isTrue();
        assertThat(second.remaining()).isZero();
        assertThat(refused.consumed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.untilRefill()).isBetween(window.minus(SLACK), window);
        assertThat(refused.untilFull()).isBetween(window.minus(SLACK), window);
    }

    @Test
    void aWeightedRequestTakesAllItsTokensOrNone() {
        var key = newKey();
        var window = Duration.ofMinutes(1);

        var heavy = buckets().tryConsume(key, 10, window, 7);
        var tooHeavy = buckets().tryConsume(key, 10, window, 4);
        var fits = buckets().tryConsume(key, 10, window, 3);

        assertThat(heavy.consumed()).isTrue();
        assertThat(heavy.remaining()).isEqualTo(3);
        assertThat(tooHeavy.consumed()).as("4 tokens asked, 3 left: none taken").isFalse();
        assertThat(fits.consumed()).isTrue();
        assertThat(fits.remaining()).isZero();
        assertThat(buckets().tryConsume(key, 10, window).consumed()).isFalse();
    }

    @Test
    void aBucketRefillsInFullWhenItsWindowEnds() {
        var key = newKey();
        var window = Duration.ofMillis(600);
        assertThat(buckets().tryConsume(key, 2, window).consumed()).isTrue();
        assertThat(buckets().tryConsume(key, 2, window).consumed()).isTrue();
        assertThat(buckets().tryConsume(key, 2, window).consumed()).isFalse();

        letPass(Duration.ofMillis(700));

        var refilled = buckets().tryConsume(key, 2, window);
        assertThat(refilled.consumed()).isTrue();
        assertThat(refilled.remaining()).isEqualTo(1);
    }

    @Test
    void windowsFollowOneAnotherFromTheFirstUseNotFromTheNextCall() {
        var key = newKey();
        var window = Duration.ofSeconds(4);
        buckets().tryConsume(key, 2, window);

        letPass(Duration.ofSeconds(6));

        var midSecondWindow = buckets().tryConsume(key, 2, window);
        assertThat(midSecondWindow.consumed()).isTrue();
        assertThat(midSecondWindow.untilFull()).isBetween(Duration.ofSeconds(2).minus(SLACK), Duration.ofSeconds(2));
    }

    @Test
    void aBucketKeepsTheLimitItWasMadeWithSoCallersNameTheLimitInTheKey() {
        var key = newKey();
        var window = Duration.ofMinutes(1);
        buckets().tryConsume(key, 1, window);

        var withAHigherLimit = buckets().tryConsume(key, 5, window);

        assertThat(withAHigherLimit.consumed()).isFalse();
        assertThat(withAHigherLimit.remaining()).isZero();
    }

    @Test
    void bucketsAreIndependent() {
        var window = Duration.ofMinutes(1);
        var key = newKey();
        buckets().tryConsume(key, 1, window);

        assertThat(buckets().tryConsume(key, 1, window).consumed()).isFalse();
        assertThat(buckets().tryConsume(newKey(), 1, window).consumed()).isTrue();
    }

    private static String newKey() {
        return "test:" + UUID.randomUUID();
    }
}
