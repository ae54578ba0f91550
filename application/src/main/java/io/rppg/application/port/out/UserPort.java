package io.rppg.application.port.out;

import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** Stored users. Usernames and emails are unique across the platform, compared without regard to case. */
public interface UserPort {

    User save(User user);

    Optional<User> findById(UserId id);

    /** The user whose username or email is {@code login}. */
    Optional<User> findByLogin(String login);

    boolean usernameTaken(String username);

    boolean emailTaken(String email);

    List<User> findByTenant(TenantId tenant);

    /** Deletes the user if it belongs to the tenant; a platform admin, who belongs to none, is never deleted here. */
    void delete(TenantId tenant, UserId id);

    long count();
}
