package io.rppg.adapter.persistence.identity;

import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "users")
class UserEntity {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private String username;
    private String email;
    @Column(name = "password_hash")
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "created_at")
    private Instant createdAt;

    protected UserEntity() {
    }

    static UserEntity from(User user) {
        var entity = new UserEntity();
        entity.id = user.id().value();
        entity.tenantId = user.tenantId().map(TenantId::value).orElse(null);
        entity.username = user.username();
        entity.email = user.email();
        entity.passwordHash = user.passwordHash();
        entity.role = user.role();
        entity.createdAt = user.createdAt();
        return entity;
    }

    User toDomain() {
        return new User(new UserId(id), Optional.ofNullable(tenantId).map(TenantId::new), username, email,
                passwordHash, role, createdAt);
    }
}
