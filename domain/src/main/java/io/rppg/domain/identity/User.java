package io.rppg.domain.identity;

import io.rppg.domain.Require;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person who logs in. The password is held only as the hash an adaptive algorithm made of it.
 *
 * @param tenantId empty for platform admins, present for everyone else
 */
public record User(
        UserId id,
        Optional<TenantId> tenantId,
        String username,
        String email,
        String passwordHash,
        Role role,
        Instant createdAt) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{3,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public User {
        Require.present(id, "user id");
        Require.present(tenantId, "tenant id (optional)");
        Require.present(username, "username");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "username must be 3 to 100 letters, digits or . _ @ + -");
        }
        Require.present(email, "email");
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email is not a valid address");
        }
        Require.text(passwordHash, "password hash", 500);
        Require.present(role, "role");
        Require.present(createdAt, "created at");
        if (role.belongsToATenant() != tenantId.isPresent()) {
            throw new IllegalArgumentException(role.belongsToATenant()
                    ? "a " + role + " belongs to a tenant" : "a platform admin belongs to no tenant");
        }
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }

    public boolean belongsTo(TenantId tenant) {
        return tenantId.map(tenant::equals).orElse(false);
    }
}
