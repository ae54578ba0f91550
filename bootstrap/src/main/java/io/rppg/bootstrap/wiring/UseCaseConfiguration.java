package io.rppg.bootstrap.wiring;

import io.rppg.application.port.out.AccessTokenPort;
import io.rppg.application.port.out.AccessChangesPort;
import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.LoginThrottlePort;
import io.rppg.application.port.out.PasswordHasherPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionChangesPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantDomainPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.application.service.ScanClientMetadataService;
import io.rppg.application.service.ScanSessionService;
import io.rppg.application.service.admin.ApiKeyAdministrationService;
import io.rppg.application.service.admin.PlatformAdministrationService;
import io.rppg.application.service.admin.TenantDomainService;
import io.rppg.application.service.admin.TenantUsageAdministration;
import io.rppg.application.port.in.GetTenantUsageQuery;
import io.rppg.application.service.admin.UserAdministrationService;
import io.rppg.application.service.identity.CallerAuthenticationService;
import io.rppg.application.service.identity.LoginService;
import io.rppg.application.service.identity.PlatformAdminSeedingService;
import io.rppg.domain.identity.LoginThrottle;
import io.rppg.domain.tenant.HostName;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's services are plain Java; this is where they meet their adapters. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

    @Bean
    ScanSessionService scanSessionService(ScanSessionPort sessions, ScanAdmissionPort admissions, ClockPort clock,
                                          IdGeneratorPort ids, ScanSessionChangesPort changes) {
        return new ScanSessionService(sessions, admissions, clock, ids, changes);
    }

    @Bean
    LoginService loginService(UserPort users, TenantPort tenants, RefreshTokenPort refreshTokens,
                              LoginThrottlePort throttles, PasswordHasherPort passwords, AccessTokenPort accessTokens,
                              TransactionPort transactions, ClockPort clock, IdGeneratorPort ids,
                              @Value("${rppg.security.login-throttle.address-free-failures:20}") int addressFreeFailures) {
        var perAddress = LoginThrottle.Policy.PER_ADDRESS;
        var throttling = new LoginService.Throttling(LoginThrottle.Policy.PER_LOGIN,
                new LoginThrottle.Policy(addressFreeFailures, Math.max(addressFreeFailures + 1, perAddress.lockAfter()),
                        perAddress.lock(), perAddress.window()));
        return new LoginService(users, tenants, refreshTokens, throttles, passwords, accessTokens, transactions,
                clock, ids, throttling);
    }

    @Bean
    CallerAuthenticationService callerAuthenticationService(ApiKeyPort apiKeys, UserPort users, TenantPort tenants,
                                                            TransactionPort transactions, ClockPort clock,
                                                            AccessChangesPort accessChanges) {
        return new CallerAuthenticationService(apiKeys, users, tenants, transactions, clock, accessChanges);
    }

    @Bean
    PlatformAdminSeedingService platformAdminSeedingService(UserPort users, PasswordHasherPort passwords,
                                                            TransactionPort transactions, ClockPort clock,
                                                            IdGeneratorPort ids) {
        return new PlatformAdminSeedingService(users, passwords, transactions, clock, ids);
    }

    @Bean
    PlatformAdministrationService platformAdministrationService(PlanPort plans, TenantPort tenants,
                                                                TransactionPort transactions, ClockPort clock,
                                                                IdGeneratorPort ids) {
        return new PlatformAdministrationService(plans, tenants, transactions, clock, ids);
    }

    @Bean
    UserAdministrationService userAdministrationService(UserPort users, TenantPort tenants,
                                                        RefreshTokenPort refreshTokens, PasswordHasherPort passwords,
                                                        TransactionPort transactions, ClockPort clock,
                                                        IdGeneratorPort ids) {
        return new UserAdministrationService(users, tenants, refreshTokens, passwords, transactions, clock, ids);
    }

    @Bean
    ApiKeyAdministrationService apiKeyAdministrationService(ApiKeyPort apiKeys, TenantPort tenants,
                                                            TransactionPort transactions, ClockPort clock,
                                                            IdGeneratorPort ids) {
        return new ApiKeyAdministrationService(apiKeys, tenants, transactions, clock, ids);
    }

    @Bean
    TenantDomainService tenantDomainService(TenantDomainPort domains, TenantPort tenants,
                                            TransactionPort transactions, ClockPort clock,
                                            @Value("${rppg.nervoscan.default-host}") String defaultHost) {
        return new TenantDomainService(domains, tenants, transactions, clock, new HostName(defaultHost));
    }

    @Bean
    ScanClientMetadataService scanClientMetadataService(ScanMetadataPort metadata, TransactionPort transactions) {
        return new ScanClientMetadataService(metadata, transactions);
    }

    @Bean
    TenantUsageAdministration tenantUsageAdministration(GetTenantUsageQuery usage, TenantPort tenants,
                                                        TransactionPort transactions) {
        return new TenantUsageAdministration(usage, tenants, transactions);
    }
}
