package io.rppg.application.fakes;

import io.rppg.application.port.out.TenantPort;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tenants by id. */
public final class InMemoryTenantPort implements TenantPort {

    private final Map<TenantId, Tenant> tenants = new LinkedHashMap<>();

    @Override
    public Tenant save(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
        return tenant;
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return Optional.ofNullable(tenants.get(id));
    }

    /** Oldest first, as the database lists them. */
    @Override
    public List<Tenant> findAll() {
        return tenants.values().stream().sorted(Comparator.comparing(Tenant::createdAt)).toList();
    }
}
