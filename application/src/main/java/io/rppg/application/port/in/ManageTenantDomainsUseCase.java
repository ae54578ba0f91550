package io.rppg.application.port.in;

import io.rppg.domain.tenant.HostName;
import io.rppg.domain.tenant.TenantId;

import java.util.List;

/** A tenant registers the custom host names its Nervoscan clients use. */
public interface ManageTenantDomainsUseCase {

    AdminOutcome<HostName> registerDomain(Actor actor, TenantId tenant, String hostName);

    AdminOutcome<List<HostName>> listDomains(Actor actor, TenantId tenant);

    /** True when the tenant may ask for scan URLs on this host: the platform's default host or one it registered. */
    boolean mayUseHost(TenantId tenant, HostName host);
}
