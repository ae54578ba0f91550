package io.rppg.application.service.identity;

import io.rppg.application.port.in.AuthenticateApiKeyUseCase;
import io.rppg.application.port.in.CheckCallerAccessQuery;
import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.Tenant;

import java.util.Optional;

/** Checks, on every request, that the credential presented is still good and its tenant may still call. */
public final class CallerAuthenticationService implements AuthenticateApiKeyUseCase, CheckCallerAccessQuery {

    private final ApiKeyPort apiKeys;
    private final UserPort users;
    private final TenantPort tenants;
    private final TransactionPort transactions;
    private final ClockPort clock;

    public CallerAuthenticationService(ApiKeyPort apiKeys, UserPort users, TenantPort tenants,
                                       TransactionPort transactions, ClockPort clock) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<AuthenticatedKey> authenticate(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(ApiKey.SECRET_PREFIX) || presentedKey.length() > 200) {
            return Optional.empty();
        }
        var hash = Secrets.sha256(presentedKey);
        return transactions.inPlatformTransaction(() -> apiKeys.findBySecretHash(hash)
                .filter(key -> !key.isRevoked())
                .map(key -> {
                    apiKeys.markUsed(key.tenantId(), key.id(), clock.now());
                    var active = tenants.findById(key.tenantId()).map(Tenant::isActive).orElse(false);
                    return new AuthenticatedKey(key, active);
                }));
    }

    @Override
    public CallerAccess accessOf(UserId userId) {
        return transactions.inPlatformTransaction(() -> users.findById(userId)
                .map(user -> user.tenantId()
                        .flatMap(tenants::findById)
                        .map(tenant -> tenant.isActive() ? CallerAccess.ALLOWED : CallerAccess.TENANT_SUSPENDED)
                        .orElse(user.isPlatformAdmin() ? CallerAccess.ALLOWED : CallerAccess.USER_GONE))
                .orElse(CallerAccess.USER_GONE));
    }
}
