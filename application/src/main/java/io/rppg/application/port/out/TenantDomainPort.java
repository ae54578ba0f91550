package io.rppg.application.port.out;

import io.rppg.domain.tenant.HostName;
import io.rppg.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** The custom host names registered for tenants. */
public interface TenantDomainPort {

    void register(TenantId tenant, HostName host, java.time.Instant now);

    List<HostName> findByTenant(TenantId tenant);

    /** The tenant a host name is registered to, if any. */
    Optional<TenantId> ownerOf(HostName host);
}
