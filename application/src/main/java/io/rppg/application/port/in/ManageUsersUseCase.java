package io.rppg.application.port.in;

import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;

import java.util.List;

/** Tenant admins (and platform admins) manage the users of a tenant. */
public interface ManageUsersUseCase {

    AdminOutcome<User> createUser(Actor actor, TenantId tenant, NewUser user);

    AdminOutcome<List<User>> listUsers(Actor actor, TenantId tenant);

    AdminOutcome<UserId> deleteUser(Actor actor, TenantId tenant, UserId user);

    /** @param role {@link Role#TENANT_ADMIN} or {@link Role#MEMBER} */
    record NewUser(String username, String email, String password, Role role) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", email=" + email + ", password=<hidden>, role=" + role + "]";
        }
    }
}
