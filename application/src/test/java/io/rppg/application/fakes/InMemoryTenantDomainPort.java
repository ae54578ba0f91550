package io.rppg.application.fakes;

import io.rppg.application.port.out.TenantDomainPort;
import io.rppg.domain.tenant.HostName;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;

/** Host names and their tenants, one tenant per host name, listed in order of the name. */
public final class InMemoryTenantDomainPort implements TenantDomainPort {

    private final Map<HostName, TenantId> owners = new HashMap<>();

    @Override
    public synchronized void register(TenantId tenant, HostName host, Instant now) {
        if (owners.containsKey(host)) {
            throw new IllegalStateException("the host name " + host + " is registered already");
        }
        owners.put(host, tenant);
    }

    @Override
    public synchronized List<HostName> findByTenant(TenantId tenant) {
        return owners.entrySet().stream()
                .filter(owner -> owner.getValue().equals(tenant))
                .map(Entry::getKey)
                .sorted(Comparator.comparing(HostName::value))
                .toList();
    }

    @Override
    public synchronized Optional<TenantId> ownerOf(HostName host) {
        return Optional.ofNullable(owners.get(host));
    }
}
