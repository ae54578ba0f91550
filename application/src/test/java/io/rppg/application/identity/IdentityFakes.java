package io.rppg.application.identity;

import io.rppg.application.port.out.AccessTokenPort;
import io.rppg.application.port.out.ApiKeyPort;
import io.rppg.application.port.out.PasswordHasherPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Small in-memory stand-ins for the ports the identity and administration services use. */
final class IdentityFakes {

    private IdentityFakes() {
    }

    static final class Users implements UserPort {
        final Map<UserId, User> byId = new LinkedHashMap<>();

        /** Refuses a second user with a taken username or email, as the database's unique columns do. */
        @Override
        public User save(User user) {
            var clash = byId.values().stream().filter(other -> !other.id().equals(user.id()))
                    .anyMatch(other -> other.username().equals(user.username()) || other.email().equals(user.email()));
            if (clash) {
                throw new IllegalStateException("username or email of " + user.id() + " is taken");
            }
            byId.put(user.id(), user);
            return user;
        }

        /** The names asked about, trimmed and lower-cased: they are compared with names stored lower-cased. */
        private static String normal(String text) {
            return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        }

        @Override
        public Optional<User> findById(UserId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<User> findByLogin(String login) {
            var normal = normal(login);
            return byId.values().stream()
                    .filter(user -> user.username().equals(normal) || user.email().equals(normal))
                    .findFirst();
        }

        @Override
        public boolean usernameTaken(String username) {
            return byId.values().stream().anyMatch(user -> user.username().equals(normal(username)));
        }

        @Override
        public boolean emailTaken(String email) {
            return byId.values().stream().anyMatch(user -> user.email().equals(normal(email)));
        }

        @Override
        public List<User> findByTenant(TenantId tenant) {
            return byId.values().stream().filter(user -> user.belongsTo(tenant))
                    .sorted(Comparator.comparing(User::createdAt)).toList();
        }

        @Override
        public void delete(TenantId tenant, UserId id) {
            byId.computeIfPresent(id, (key, user) -> user.belongsTo(tenant) ? null : user);
        }

        @Override
        public long count() {
            return byId.size();
        }
    }

    static final class ApiKeys implements ApiKeyPort {
        final Map<ApiKeyId, ApiKey> byId = new LinkedHashMap<>();

        @Override
        public ApiKey save(ApiKey key) {
            byId.put(key.id(), key);
            return key;
        }

        @Override
        public Optional<ApiKey> findBySecretHash(String secretHash) {
            return byId.values().stream().filter(key -> key.secretHash().equals(secretHash)).findFirst();
        }

        @Override
        public Optional<ApiKey> findById(TenantId tenant, ApiKeyId id) {
            return Optional.ofNullable(byId.get(id)).filter(key -> key.tenantId().equals(tenant));
        }

        @Override
        public List<ApiKey> findByTenant(TenantId tenant) {
            return byId.values().stream().filter(key -> key.tenantId().equals(tenant))
                    .sorted(Comparator.comparing(ApiKey::createdAt)).toList();
        }

        /** Writes at most once a minute per key, as the database adapter does. */
        @Override
        public void markUsed(TenantId tenant, ApiKeyId id, Instant now) {
            var key = byId.get(id);
            if (key == null || !key.tenantId().equals(tenant)
                    || key.lastUsedAt() != null && !key.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
                return;
            }
            byId.put(id, new ApiKey(key.id(), key.tenantId(), key.name(), key.prefix(), key.secretHash(),
                    key.createdBy(), key.createdAt(), now, key.revokedAt()));
        }
    }

    /** Not a real hash, which is the point: tests can see that only the hash is stored. */
    static final class PlainHasher implements PasswordHasherPort {
        int checks;

        @Override
        public String hash(String rawPassword) {
            return "hashed:" + rawPassword;
        }

        @Override
        public boolean matches(String rawPassword, String hash) {
            checks++;
            return hash.equals("hashed:" + rawPassword);
        }
    }

    static final class AccessTokens implements AccessTokenPort {
        final List<User> issuedFor = new ArrayList<>();

        @Override
        public AccessToken issue(User user, Instant now) {
            issuedFor.add(user);
            return new AccessToken("access-" + issuedFor.size() + "-" + user.username(), now.plusSeconds(900));
        }
    }
}
