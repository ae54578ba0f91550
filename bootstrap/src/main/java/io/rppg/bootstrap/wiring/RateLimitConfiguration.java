package io.rppg.bootstrap.wiring;

import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.RateLimitPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.service.ratelimit.RequestAllowanceService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limits: the allowance use case with its settings ({@link RateLimitProperties}), on the shared buckets. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    RequestAllowanceService requestAllowanceService(RateLimitPort buckets, TenantPort tenants, PlanPort plans,
                                                    TransactionPort transactions, ClockPort clock,
                                                    RateLimitProperties properties) {
        return new RequestAllowanceService(buckets, tenants, plans, transactions, clock,
                new RequestAllowanceService.Settings(properties.window(), properties.defaultPerMinute(),
                        properties.platformPerMinute(), properties.loginPerMinute(), properties.planCacheTtl()));
    }
}
