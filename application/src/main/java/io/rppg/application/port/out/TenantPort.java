package io.rppg.application.port.out;

import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** Stored tenants. */
public interface TenantPort {

    Tenant save(Tenant tenant);

    Optional<Tenant> findById(TenantId id);

    List<Tenant> findAll();
}
