package io.rppg.domain.identity;

import io.rppg.domain.identity.LoginThrottle.Policy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final Policy POLICY = new Policy(3, 10, Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void nothingRecordedBlocksNothing() {
        assertThat(LoginThrottle.NONE.failures()).isZero();
        assertThat(LoginThrottle.NONE.isBlockedAt(NOW)).isFalse();
        assertThat(LoginThrottle.NONE.waitAt(NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void threeFreeFailuresLetThreeWrongAttemptsThroughAndTheThirdStartsTheFirstWait() {
        var throttle = LoginThrottle.NONE;
        for (int i = 1; i <= 2; i++) {
            throttle = throttle.afterFailure(NOW, POLICY);
            assertThat(throttle.failures()).isEqualTo(i);
            assertThat(throttle.isBlockedAt(NOW)).as("after failure %d", i).isFalse();
        }

        throttle = throttle.afterFailure(NOW, POLICY);

        assertThat(throttle.isBlockedAt(NOW)).as("the fourth attempt waits").isTrue();
        assertThat(throttle.waitAt(NOW)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void eachFailureFromTheLastFreeOneDoublesTheWait() {
        assertThat(POLICY.delayAfter(0)).isZero();
        assertThat(POLICY.delayAfter(2)).isZero();
        assertThat(POLICY.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(POLICY.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(POLICY.delayAfter(9)).isEqualTo(Duration.ofSeconds(64));
    }

    @Test
    void locksAfterTheLimit() {
        assertThat(POLICY.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(POLICY.delayAfter(50)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theDoublingIsCappedByTheLock() {
        var policy = new Policy(1, 1000, Duration.ofMinutes(1), Duration.ofHours(1));

        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(40)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(999)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aFailureBlocksUntilItsDelayHasPassed() {
        var throttle = LoginThrottle.NONE;
        var at = NOW;
        for (int i = 0; i < 3; i++) {
            throttle = throttle.afterFailure(at, POLICY);
        }

        assertThat(throttle.blockedUntil()).isEqualTo(NOW.plusSeconds(1));
        assertThat(throttle.isBlockedAt(NOW)).isTrue();
        assertThat(throttle.waitAt(NOW.plusMillis(400))).isEqualTo(Duration.ofMillis(600));
        assertThat(throttle.isBlockedAt(NOW.plusSeconds(1))).isFalse();
        assertThat(throttle.waitAt(NOW.plusSeconds(1))).isZero();
    }

    @Test
    void tenQuickFailuresLockTheLogin() {
        var throttle = LoginThrottle.NONE;
        for (int i = 0; i < 10; i++) {
            throttle = throttle.afterFailure(NOW.plusSeconds(i), POLICY);
        }

        assertThat(throttle.failures()).isEqualTo(10);
        assertThat(throttle.waitAt(NOW.plusSeconds(9))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        var throttle = LoginThrottle.NONE;
        for (int i = 0; i < 6; i++) {
            throttle = throttle.afterFailure(NOW, POLICY);
        }
        assertThat(throttle.failures()).isEqualTo(6);

        var muchLater = NOW.plus(Duration.ofMinutes(15)).plusSeconds(1);
        var fresh = throttle.afterFailure(muchLater, POLICY);

        assertThat(fresh.failures()).isEqualTo(1);
        assertThat(fresh.isBlockedAt(muchLater)).isFalse();
    }

    @Test
    void failuresWithinTheWindowKeepCounting() {
        var throttle = LoginThrottle.NONE.afterFailure(NOW, POLICY);

        var next = throttle.afterFailure(NOW.plus(Duration.ofMinutes(15)), POLICY);

        assertThat(next.failures()).isEqualTo(2);
    }

    @Test
    void thePoliciesOfThePlatform() {
        assertThat(Policy.PER_LOGIN.freeFailures()).isEqualTo(3);
        assertThat(Policy.PER_LOGIN.lockAfter()).isEqualTo(10);
        assertThat(Policy.PER_ADDRESS.freeFailures()).isEqualTo(20);
        assertThat(Policy.PER_ADDRESS.freeFailures()).isGreaterThan(Policy.PER_LOGIN.freeFailures());
    }

    @Test
    void aPolicyMustLockAfterItsFreeFailures() {
        assertThatThrownBy(() -> new Policy(5, 5, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy(-1, 5, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy(0, 5, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> new LoginThrottle(-1, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
