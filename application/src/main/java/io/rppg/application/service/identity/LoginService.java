package io.rppg.application.service.identity;

import io.rppg.application.port.in.LogInUseCase;
import io.rppg.application.port.in.RefreshAccessTokenUseCase;
import io.rppg.application.port.out.AccessTokenPort;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.LoginThrottlePort;
import io.rppg.application.port.out.PasswordHasherPort;
import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.LoginThrottle;
import io.rppg.domain.identity.RefreshToken;
import io.rppg.domain.identity.User;
import io.rppg.domain.tenant.Tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Logs people in and renews their tokens. Failed attempts are throttled per login and per address, so that neither
 * one account nor one machine can guess freely.
 */
public final class LoginService implements LogInUseCase, RefreshAccessTokenUseCase {

    private static final int REFRESH_TOKEN_CHARACTERS = 43;
    /**
     * No username or email is longer than an email may be (254). A longer login names nobody; it is cut to one
     * character more, which still names nobody, so that its throttle key stays within the stored key's size.
     */
    private static final int LONGEST_LOGIN = 254;

    private final UserPort users;
    private final TenantPort tenants;
    private final RefreshTokenPort refreshTokens;
    private final LoginThrottlePort throttles;
    private final PasswordHasherPort passwords;
    private final AccessTokenPort accessTokens;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;
    private final Throttling throttling;
    /** Checked against when the login is unknown, so that a miss costs as long as a wrong password. */
    private final String decoyHash;

    public LoginService(UserPort users, TenantPort tenants, RefreshTokenPort refreshTokens,
                        LoginThrottlePort throttles, PasswordHasherPort passwords, AccessTokenPort accessTokens,
                        TransactionPort transactions, ClockPort clock, IdGeneratorPort ids,
                        Throttling throttling) {
        this.users = users;
        this.tenants = tenants;
        this.refreshTokens = refreshTokens;
        this.throttles = throttles;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.throttling = throttling;
        this.decoyHash = passwords.hash(Secrets.randomBase62(20));
    }

    @Override
    public LoginOutcome logIn(Credentials credentials) {
        var now = clock.now();
        var given = credentials.login() == null ? "" : credentials.login().trim().toLowerCase(Locale.ROOT);
        var login = given.length() > LONGEST_LOGIN ? given.substring(0, LONGEST_LOGIN + 1) : given;
        var user = transactions.inPlatformTransaction(() -> users.findByLogin(login));
        // An account has one throttle whether its username or its email is typed; a name of nobody has its own.
        var userKey = user.map(known -> "account:" + known.id().value()).orElse("user:" + login);
        var addressKey = "address:" + credentials.clientAddress();

        var wait = transactions.inPlatformTransaction(() -> longestWait(now, userKey, addressKey));
        if (!wait.isZero()) {
            return new LoginOutcome.Throttled(wait);
        }
        var password = credentials.password() == null ? "" : credentials.password();
        var passwordMatches = passwords.matches(password, user.map(User::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !passwordMatches) {
            transactions.inPlatformTransaction(() -> {
                recordFailure(userKey, throttling.perLogin(), now);
                recordFailure(addressKey, throttling.perAddress(), now);
                return null;
            });
            return user.isEmpty() ? new LoginOutcome.UnknownUser() : new LoginOutcome.WrongPassword();
        }
        return transactions.inPlatformTransaction(() -> {
            throttles.clear(userKey);
            if (!tenantActive(user.get())) {
                return new LoginOutcome.TenantSuspended();
            }
            return new LoginOutcome.LoggedIn(user.get(), issueTokens(user.get(), UUID.randomUUID(), now));
        });
    }

    @Override
    public RefreshOutcome refresh(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return new RefreshOutcome.Rejected();
        }
        var now = clock.now();
        return transactions.inPlatformTransaction(() -> {
            var stored = refreshTokens.findByHashForUpdate(Secrets.sha256(presented));
            if (stored.isEmpty()) {
                return new RefreshOutcome.Rejected();
            }
            var token = stored.get();
            switch (token.useAt(now)) {
                case INVALID:
                    return new RefreshOutcome.Rejected();
                case REUSED:
                    refreshTokens.revokeFamily(token.familyId(), now);
                    return new RefreshOutcome.ReuseDetected();
                case VALID:
                default:
                    break;
            }
            var user = users.findById(token.userId());
            if (user.isEmpty()) {
                return new RefreshOutcome.Rejected();
            }
            if (!tenantActive(user.get())) {
                return new RefreshOutcome.TenantSuspended();
            }
            refreshTokens.save(token.spend(now));
            return new RefreshOutcome.Refreshed(issueTokens(user.get(), token.familyId(), now));
        });
    }

    private TokenPair issueTokens(User user, UUID family, Instant now) {
        var access = accessTokens.issue(user, now);
        var refresh = Secrets.randomBase62(REFRESH_TOKEN_CHARACTERS);
        refreshTokens.save(RefreshToken.issue(ids.newUuid(), family, user.id(), Secrets.sha256(refresh), now));
        return new TokenPair(access.value(), access.expiresAt(), refresh);
    }

    private boolean tenantActive(User user) {
        return user.tenantId().flatMap(tenants::findById).map(Tenant::isActive).orElse(user.isPlatformAdmin());
    }

    private Duration longestWait(Instant now, String... keys) {
        var longest = Duration.ZERO;
        for (var key : keys) {
            var wait = throttles.find(key).waitAt(now);
            if (wait.compareTo(longest) > 0) {
                longest = wait;
            }
        }
        return longest;
    }

    private void recordFailure(String key, LoginThrottle.Policy policy, Instant now) {
        throttles.save(key, throttles.findForUpdate(key).afterFailure(now, policy));
    }

    /** How failed logins are throttled per login name and per client address. */
    public record Throttling(LoginThrottle.Policy perLogin, LoginThrottle.Policy perAddress) {

        public static final Throttling DEFAULT =
                new Throttling(LoginThrottle.Policy.PER_LOGIN, LoginThrottle.Policy.PER_ADDRESS);
    }
}
