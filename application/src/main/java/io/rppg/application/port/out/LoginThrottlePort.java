package io.rppg.application.port.out;

import io.rppg.domain.identity.LoginThrottle;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed-login records, shared by every node, keyed by "account:<user id>" (an account, by whichever name it was
 * typed), "user:<login>" (a name that names nobody) or "address:<ip>".
 */
public interface LoginThrottlePort {

    LoginThrottle find(String key);

    /**
     * The record of the key, holding the key's lock until the transaction ends, so that failures recorded at the
     * same time are counted one after the other instead of each overwriting the same count.
     */
    LoginThrottle findForUpdate(String key);

    void save(String key, LoginThrottle throttle);

    void clear(String key);

    /**
     * Deletes the records that no longer slow anyone down: not blocking at {@code now}, and whose last failure is
     * older than {@code window}, so that a new failure would be counted from one again anyway.
     *
     * @return how many were deleted
     */
    int deleteExpired(Instant now, Duration window);
}
