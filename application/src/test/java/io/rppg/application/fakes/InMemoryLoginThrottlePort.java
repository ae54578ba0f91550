package io.rppg.application.fakes;

import io.rppg.application.port.out.LoginThrottlePort;
import io.rppg.domain.identity.LoginThrottle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Failed-login records in a map by key, with the adapter's rules. */
public class InMemoryLoginThrottlePort implements LoginThrottlePort {

    public final Map<String, LoginThrottle> byKey = new HashMap<>();

    @Override
    public LoginThrottle find(String key) {
        return byKey.getOrDefault(key, LoginThrottle.NONE);
    }

    @Override
    public LoginThrottle findForUpdate(String key) {
        return find(key);
    }

    @Override
    public void save(String key, LoginThrottle throttle) {
        byKey.put(key, throttle);
    }

    @Override
    public void clear(String key) {
        byKey.remove(key);
    }

    @Override
    public int deleteExpired(Instant now, Duration window) {
        int before = byKey.size();
        byKey.values().removeIf(throttle -> !throttle.blockedUntil().isAfter(now)
                && throttle.lastFailure().isBefore(now.minus(window)));
        return before - byKey.size();
    }
}
