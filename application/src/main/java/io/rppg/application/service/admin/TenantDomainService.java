package io.rppg.application.service.admin;

import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.ManageTenantDomainsUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.TenantDomainPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.HostName;
import io.rppg.domain.tenant.TenantId;

import java.util.List;

/** Custom host names, each registered to at most one tenant, beside the platform's default host. */
public final class TenantDomainService implements ManageTenantDomainsUseCase {

    private final TenantDomainPort domains;
    private final TenantPort tenants;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final HostName defaultHost;

    public TenantDomainService(TenantDomainPort domains, TenantPort tenants, TransactionPort transactions,
                               ClockPort clock, HostName defaultHost) {
        this.domains = domains;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
        this.defaultHost = defaultHost;
    }

    @Override
    public AdminOutcome<HostName> registerDomain(Actor actor, TenantId tenant, String hostName) {
        var refusal = TenantAccess.<HostName>refusal(actor, tenant);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        var host = HostName.parse(hostName);
        if (host.isEmpty()) {
            return unusableHost();
        }
        if (host.get().equals(defaultHost)) {
            return new AdminOutcome.Conflict<>("HOST_NAME_TAKEN", "the default host serves every tenant already");
        }
        return transactions.inPlatformTransaction(() -> {
            if (tenants.findById(tenant).isEmpty()) {
                return new AdminOutcome.NotFound<>("tenant");
            }
            var owner = domains.ownerOf(host.get());
            if (owner.isPresent()) {
                // Another tenant's host is refused exactly as a malformed one: the answer tells nothing of them.
                return owner.get().equals(tenant) ? AdminOutcome.done(host.get()) : unusableHost();
            }
            domains.register(tenant, host.get(), clock.now());
            return AdminOutcome.done(host.get());
        });
    }

    private static <T> AdminOutcome<T> unusableHost() {
        return new AdminOutcome.Invalid<>("host_name", "host_name must be a DNS name such as scan.example.com that "
                + "is not in use");
    }

    @Override
    public AdminOutcome<List<HostName>> listDomains(Actor actor, TenantId tenant) {
        var refusal = TenantAccess.<List<HostName>>refusal(actor, tenant);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return AdminOutcome.done(transactions.inTenantTransaction(tenant, () -> domains.findByTenant(tenant)));
    }

    @Override
    public boolean mayUseHost(TenantId tenant, HostName host) {
        return host.equals(defaultHost)
                || transactions.inTenantTransaction(tenant, () -> domains.findByTenant(tenant).contains(host));
    }
}
