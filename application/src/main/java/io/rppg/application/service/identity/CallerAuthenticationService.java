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
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.tenant.Tenant;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks, on every request, that the credential presented is still good and its tenant may still call.
 *
 * <p>API keys and the users of access tokens are answered from memory once read ({@link KnownApiKeys},
 * {@link KnownUsers}); a key revoked, a user deleted or a tenant suspended on any node is forgotten here as soon as
 * the access-change feed tells, within a second. A key's use is still recorded,
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
    private final KnownUsers knownUsers = new KnownUsers(KNOWN_KEYS, KNOWN_KEY_LIFETIME);

    public CallerAuthenticationService(ApiKeyPort apiKeys, UserPort users, TenantPort tenants,
                                       TransactionPort transactions, ClockPort clock, AccessChangesPort changes) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
        changes.subscribe(change -> {
            known.apply(change);
            knownUsers.apply(change);
        });
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
        var now = clock.now();
        var remembered = knownUsers.find(userId, now);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        var generation = knownUsers.generation();
        var read = transactions.inPlatformTransaction(() -> users.findById(userId).map(user -> {
            var access = user.tenantId()
                    .flatMap(tenants::findById)
                    .map(tenant -> tenant.isActive() ? CallerAccess.ALLOWED : CallerAccess.TENANT_SUSPENDED)
                    .orElse(user.isPlatformAdmin() ? CallerAccess.ALLOWED : CallerAccess.USER_GONE);
            return new UserAccess(access, user.tenantId());
        }));
        // A token of nobody is not remembered: rare, and perhaps an attack that should not fill the memory.
        read.filter(user -> user.access() != CallerAccess.USER_GONE)
                .ifPresent(user -> knownUsers.remember(userId, user.access(), user.tenant(), now, generation));
        return read.map(UserAccess::access).orElse(CallerAccess.USER_GONE);
    }

    private record UserAccess(CallerAccess access, Optional<TenantId> tenant) {
    }
}
