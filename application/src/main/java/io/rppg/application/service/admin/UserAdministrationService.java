package io.rppg.application.service.admin;

import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.ManageUsersUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.PasswordHasherPort;
import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.PasswordPolicy;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The users of one tenant. */
public final class UserAdministrationService implements ManageUsersUseCase {

    private final UserPort users;
    private final TenantPort tenants;
    private final RefreshTokenPort refreshTokens;
    private final PasswordHasherPort passwords;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;

    public UserAdministrationService(UserPort users, TenantPort tenants, RefreshTokenPort refreshTokens,
                                     PasswordHasherPort passwords, TransactionPort transactions, ClockPort clock,
                                     IdGeneratorPort ids) {
        this.users = users;
        this.tenants = tenants;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public AdminOutcome<User> createUser(Actor actor, TenantId tenantId, NewUser request) {
        var refusal = TenantAccess.<User>refusal(actor, tenantId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (request.role() == null || request.role() == Role.PLATFORM_ADMIN) {
            return new AdminOutcome.Invalid<>("role", "role must be tenant_admin or member");
        }
        var weakness = PasswordPolicy.problemWith(request.password());
        if (weakness.isPresent()) {
            return new AdminOutcome.Invalid<>("password", weakness.get());
        }
        User toStore;
        try {
            toStore = new User(new UserId(ids.newUuid()), Optional.of(tenantId), lower(request.username()),
                    lower(request.email()), passwords.hash(request.password()), request.role(), clock.now());
        } catch (IllegalArgumentException invalid) {
            var field = invalid.getMessage().startsWith("email") ? "email" : "username";
            return new AdminOutcome.Invalid<>(field, invalid.getMessage());
        }
        return transactions.inPlatformTransaction(() -> {
            if (tenants.findById(tenantId).isEmpty()) {
                return new AdminOutcome.NotFound<>("tenant");
            }
            if (users.usernameTaken(toStore.username())) {
                return new AdminOutcome.Conflict<>("USERNAME_TAKEN", "the username is already in use");
            }
            if (users.emailTaken(toStore.email())) {
                return new AdminOutcome.Conflict<>("EMAIL_TAKEN", "the email is already in use");
            }
            return AdminOutcome.done(users.save(toStore));
        });
    }

    @Override
    public AdminOutcome<List<User>> listUsers(Actor actor, TenantId tenantId) {
        var refusal = TenantAccess.<List<User>>refusal(actor, tenantId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return transactions.inTenantTransaction(tenantId, () -> tenants.findById(tenantId).isEmpty()
                ? new AdminOutcome.NotFound<>("tenant")
                : AdminOutcome.done(users.findByTenant(tenantId)));
    }

    @Override
    public AdminOutcome<UserId> deleteUser(Actor actor, TenantId tenantId, UserId userId) {
        var refusal = TenantAccess.<UserId>refusal(actor, tenantId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (actor.userId().equals(userId)) {
            return new AdminOutcome.Conflict<>("CANNOT_DELETE_SELF", "an admin cannot delete their own user");
        }
        return transactions.inTenantTransaction(tenantId, () -> {
            var user = users.findById(userId).filter(found -> found.belongsTo(tenantId));
            if (user.isEmpty()) {
                return new AdminOutcome.NotFound<>("user");
            }
            refreshTokens.revokeAllOf(userId, clock.now());
            users.delete(tenantId, userId);
            return AdminOutcome.done(userId);
        });
    }

    private static String lower(String text) {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }
}
