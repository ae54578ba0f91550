package io.rppg.domain.job;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(5), Duration.ofMinutes(1));

    @Test
    void theFirstWaitIsTheFirstDelay() {
        assertThat(policy.delayAfterAttempt(1)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theWaitDoublesAfterEachAttempt() {
        assertThat(policy.delayAfterAttempt(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfterAttempt(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfterAttempt(4)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void theWaitIsCappedAtTheMaxDelay() {
        assertThat(policy.delayAfterAttempt(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfterAttempt(6)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theCapHoldsForHugeAttemptNumbersWithoutOverflow() {
        assertThat(policy.delayAfterAttempt(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aZeroFirstDelayRetriesImmediately() {
        RetryPolicy immediate = new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1));
        assertThat(immediate.delayAfterAttempt(1)).isZero();
        assertThat(immediate.delayAfterAttempt(3)).isZero();
    }

    @Test
    void attemptsAreCountedFromOne() {
        assertThatThrownBy(() -> policy.delayAfterAttempt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.delayAfterAttempt(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsAnotherAttemptOnlyWhileAttemptsRemain() {
        RetryPolicy three = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(three.allowsAnotherAttemptAfter(0)).isTrue();
        assertThat(three.allowsAnotherAttemptAfter(2)).isTrue();
        assertThat(three.allowsAnotherAttemptAfter(3)).isFalse();
        assertThat(three.allowsAnotherAttemptAfter(4)).isFalse();
    }

    @Test
    void theDefaultTriesFourTimesFromFiveSecondsUpToFiveMinutes() {
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(4);
        assertThat(RetryPolicy.DEFAULT.firstDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryPolicy.DEFAULT.maxDelay()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void requiresAtLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresBothDelays() {
        assertThatThrownBy(() -> new RetryPolicy(1, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsANegativeFirstDelay() {
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAMaxDelayBelowTheFirstDelay() {
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .doesNotThrowAnyException();
    }
}
