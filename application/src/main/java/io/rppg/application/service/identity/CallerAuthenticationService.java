package io.rppg.application.service.identity;

import io.rppg.application.port.in.AuthenticateApiKeyUseCase;
import io.rppg.application.port.in.CheckCallerAccessQuery;
import io.rppg.application.port.out.AccessChangesPort;
import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.Tenant;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks, on every request, that the credential presented is still good and its tenant may still call.
 *
 * <p>API keys are answered from memory once read ({@link KnownApiKeys}); a key revoked or a tenant suspended on any
 * node is forgotten here as soon as the access-change feed tells, within a second. A key's use is still recorded,
 * at most once a minute per key and node.
 */
public final class CallerAuthenticationService implements AuthenticateApiKeyUseCase, CheckCallerAccessQuery {

    /** How often a busy key's last use is written; the stored value is read to the minute. */
    static final Duration MARK_USED_EVERY = Duration.ofMinutes(1);
    private static final int KNOWN_KEYS = 10_000;
    private static final Duration KNOWN_KEY_LIFETIME = Duration.ofMinutes(5);

    private final ApiKeyPort apiKeys;
    private final UserPort users;
    private final TenantPort tenants;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final KnownApiKeys known = new KnownApiKeys(KNOWN_KEYS, KNOWN_KEY_LIFETIME);

    public CallerAuthenticationService(ApiKeyPort apiKeys, UserPort users, TenantPort tenants,
                                       TransactionPort transactions, ClockPort clock, AccessChangesPort changes) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
        changes.subscribe(known::apply);
    }

    @Override
    public Optional<AuthenticatedKey> authenticate(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(ApiKey.SECRET_PREFIX) || presentedKey.length() > 200) {
            return Optional.empty();
        }
        var hash = Secrets.sha256(presentedKey);
        var now = clock.now();
        var remembered = known.find(hash, now);
        if (remembered.isPresent()) {
            var key = remembered.get().key().key();
            if (!remembered.get().markedUsedAt().plus(MARK_USED_EVERY).isAfter(now)
                    && known.claimMarkingUse(hash, remembered.get(), now)) {
                transactions.inPlatformTransaction(() -> {
                    apiKeys.markUsed(key.tenantId(), key.id(), now);
                    return null;
                });
            }
            return Optional.of(remembered.get().key());
        }
        var generation = known.generation();
        var read = transactions.inPlatformTransaction(() -> apiKeys.findBySecretHash(hash)
                .filter(key -> !key.isRevoked())
                .map(key -> {
                    apiKeys.markUsed(key.tenantId(), key.id(), now);
                    var active = tenants.findById(key.tenantId()).map(Tenant::isActive).orElse(false);
                    return new AuthenticatedKey(key, active);
                }));
        read.ifPresent(key -> known.remember(hash, key, now, generation));
        return read;
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
