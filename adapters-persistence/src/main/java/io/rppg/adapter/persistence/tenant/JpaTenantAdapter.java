package io.rppg.adapter.persistence.tenant;

import io.rppg.application.port.out.TenantPort;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
class JpaTenantAdapter implements TenantPort {

    private final TenantRepository tenants;

    JpaTenantAdapter(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    public Tenant save(Tenant tenant) {
        return tenants.save(TenantEntity.from(tenant)).toDomain();
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
