package io.rppg.bootstrap.wiring;

import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.service.ScanSessionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's services are plain Java; this is where they meet their adapters. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

    @Bean
    ScanSessionService scanSessionService(ScanSessionPort sessions, ScanQuotaPort quotas, TenantPort tenants,
                                          PlanPort plans, TransactionPort transactions, ClockPort clock,
                                          IdGeneratorPort ids) {
        return new ScanSessionService(sessions, quotas, tenants, plans, transactions, clock, ids);
    }
}
