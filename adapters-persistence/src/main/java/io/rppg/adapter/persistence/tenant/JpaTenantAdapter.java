package io.rppg.adapter.persistence.tenant;

import io.rppg.adapter.persistence.access.PostgresAccessChangesAdapter;
import io.rppg.application.port.out.TenantPort;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
class JpaTenantAdapter implements TenantPort {

    private final TenantRepository tenants;
    private final PostgresAccessChangesAdapter accessChanges;

    JpaTenantAdapter(TenantRepository tenants, PostgresAccessChangesAdapter accessChanges) {
        this.tenants = tenants;
        this.accessChanges = accessChanges;
    }

    /** A tenant is saved rarely, and its status may have changed: this node forgets its keys when it commits. */
    @Override
    public Tenant save(Tenant tenant) {
        var saved = tenants.save(TenantEntity.from(tenant)).toDomain();
        accessChanges.announceHere(saved.id());
        return saved;
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return tenants.findById(id.value()).map(TenantEntity::toDomain);
    }

    @Override
    public List<Tenant> findAll() {
        return tenants.findAllByOrderByCreatedAt().stream().map(TenantEntity::toDomain).toList();
    }
}
