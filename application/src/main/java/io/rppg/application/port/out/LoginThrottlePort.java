package io.rppg.application.port.out;

import io.rppg.domain.identity.LoginThrottle;

/**
 * Failed-login records, shared by every node, keyed by "account:<user id>" (an account, by whichever name it was
 * typed), "user:<login>" (a name that names nobody) or "address:<ip>".
 */
public interface LoginThrottlePort {

    LoginThrottle find(String key);

    void save(String key, LoginThrottle throttle);

    void clear(String key);
}
