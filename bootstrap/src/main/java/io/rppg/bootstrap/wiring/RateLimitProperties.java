package io.rppg.bootstrap.wiring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rppg.rate-limit.*}: how requests are limited (see application.yml and the README).
 *
 * @param enabled               whether requests are counted at all
 * @param window                how often an allowance refills in full; limits are counted per window
 * @param loginPerMinute        login and refresh attempts per client address and window
 * @param platformPerMinute     requests per window of a platform administrator, who has no tenant and no plan
 * @param defaultPerMinute      requests per window of a tenant whose plan cannot be read
 * @param planCacheTtl          how long a tenant's plan limit is remembered before it is read again
 */
@ConfigurationProperties(prefix = "rppg.rate-limit")
public record RateLimitProperties(Boolean enabled, Duration window, Integer loginPerMinute, Integer platformPerMinute,
                                  Integer defaultPerMinute, Duration planCacheTtl) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        window = window == null ? Duration.ofMinutes(1) : window;
        loginPerMinute = loginPerMinute == null ? 30 : loginPerMinute;
        platformPerMinute = platformPerMinute == null ? 1200 : platformPerMinute;
        defaultPerMinute = defaultPerMinute == null ? 60 : defaultPerMinute;
        planCacheTtl = planCacheTtl == null ? Duration.ofSeconds(30) : planCacheTtl;
    }
}
