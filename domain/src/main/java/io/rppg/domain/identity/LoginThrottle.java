package io.rppg.domain.identity;

import io.rppg.domain.Require;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins for one username or one address. The first few cost nothing; then each failure makes the next
 * attempt wait twice as long; after many the login is locked for a while. A success clears the record.
 *
 * @param failures     consecutive failures within the policy's window
 * @param lastFailure  when the latest failure happened
 * @param blockedUntil no attempt is taken before this instant
 */
public record LoginThrottle(int failures, Instant lastFailure, Instant blockedUntil) {

    public static final LoginThrottle NONE = new LoginThrottle(0, Instant.EPOCH, Instant.EPOCH);

    public LoginThrottle {
        Require.notNegative(failures, "failures");
        Require.present(lastFailure, "last failure");
        Require.present(blockedUntil, "blocked until");
    }

    public boolean isBlockedAt(Instant now) {
        return now.isBefore(blockedUntil);
    }

    public Duration waitAt(Instant now) {
        return isBlockedAt(now) ? Duration.between(now, blockedUntil) : Duration.ZERO;
    }

    public LoginThrottle afterFailure(Instant now, Policy policy) {
        int counted = now.isAfter(lastFailure.plus(policy.window())) ? 1 : failures + 1;
        return new LoginThrottle(counted, now, now.plus(policy.delayAfter(counted)));
    }

    /**
     * How hard failures bite.
     *
     * @param freeFailures wrong attempts let through before the first wait: the last of them starts it (1 s), so
     *                     with 3 the fourth attempt waits; at least 1, since no attempt is known wrong before it
     *                     is made
     * @param lockAfter    failures after which the login is locked for {@code lock}
     * @param window       failures older than this are forgotten
     */
    public record Policy(int freeFailures, int lockAfter, Duration lock, Duration window) {

        /** One account: a person mistyping is not slowed, a guesser is stopped within ten tries. */
        public static final Policy PER_LOGIN = new Policy(3, 10, Duration.ofMinutes(15), Duration.ofMinutes(15));
        /** One address: many people may share it (an office, a NAT), so it tolerates more. */
        public static final Policy PER_ADDRESS = new Policy(20, 100, Duration.ofMinutes(15), Duration.ofMinutes(15));

        public Policy {
            if (freeFailures < 1) {
                throw new IllegalArgumentException("at least the first failure is free, was " + freeFailures);
            }
            if (lockAfter <= freeFailures) {
                throw new IllegalArgumentException("the lock must come after the free failures");
            }
            Require.present(lock, "lock");
            Require.present(window, "window");
        }

        /** Zero until the last free failure, then 1 s, 2 s, 4 s ... doubling with each failure, capped by the lock. */
        public Duration delayAfter(int failures) {
            if (failures >= lockAfter) {
                return lock;
            }
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            var doubling = Duration.ofSeconds(1L << Math.min(30, failures - freeFailures));
            return doubling.compareTo(lock) > 0 ? lock : doubling;
        }
    }
}
