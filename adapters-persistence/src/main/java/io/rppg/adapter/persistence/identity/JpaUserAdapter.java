package io.rppg.adapter.persistence.identity;

import io.rppg.adapter.persistence.access.PostgresAccessChangesAdapter;
import io.rppg.application.port.out.UserPort;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Component
class JpaUserAdapter implements UserPort {

    private final UserRepository users;
    private final PostgresAccessChangesAdapter accessChanges;

    JpaUserAdapter(UserRepository users, PostgresAccessChangesAdapter accessChanges) {
        this.users = users;
        this.accessChanges = accessChanges;
    }

    @Override
    public User save(User user) {
        return users.save(UserEntity.from(user)).toDomain();
    }

    @Override
    public Optional<User> findById(UserId id) {
        return users.findById(id.value()).map(UserEntity::toDomain);
    }

    @Override
    public Optional<User> findByLogin(String login) {
        return users.findByLogin(normal(login)).map(UserEntity::toDomain);
    }

    @Override
    public boolean usernameTaken(String username) {
        return users.existsByUsername(normal(username));
    }

    @Override
    public boolean emailTaken(String email) {
        return users.existsByEmail(normal(email));
    }

    @Override
    public List<User> findByTenant(TenantId tenant) {
        return users.findByTenantIdOrderByCreatedAt(tenant.value()).stream().map(UserEntity::toDomain).toList();
    }

    @Override
    public void delete(TenantId tenant, UserId id) {
        if (users.deleteOfTenant(tenant.value(), id.value()) > 0) {
            // This node forgets the user at the commit, before the request that deleted it is answered.
            accessChanges.announceHere(id);
        }
    }

    @Override
    public long count() {
        return users.count();
    }

    private static String normal(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }
}
