package io.rppg.application.port.out;

import io.rppg.domain.identity.LoginThrottle;

/** Failed-login records, shared by every node, keyed by "user:<login>" or "address:<ip>". */
public interface LoginThrottlePort {

    LoginThrottle find(String key);

    void save(String key, LoginThrottle throttle);

    void clear(String key);
}
