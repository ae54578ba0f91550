package io.rppg.application.contract;

import io.rppg.application.port.out.TenantDomainPort;
import io.rppg.domain.tenant.HostName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Host names registered to tenants: one tenant per host name. Registered and looked up across tenants in platform
 * transactions, listed within the tenant's own.
 */
public abstract class TenantDomainPortContract extends PortContract {

    protected abstract TenantDomainPort domains();

    @Test
    void aRegisteredHostNameLeadsToItsTenant() {
        var tenant = newTenant();
        var host = newHost("scan");

        withinPlatform(() -> domains().register(tenant.id(), host, now()));

        assertThat(inPlatform(() -> domains().ownerOf(host))).contains(tenant.id());
        assertThat(inTenant(tenant, () -> domains().findByTenant(tenant.id()))).containsExactly(host);
    }

    @Test
    void anUnregisteredHostNameHasNoOwner() {
        assertThat(inPlatform(() -> domains().ownerOf(newHost("nobody")))).isEmpty();
    }

    @Test
    void aTenantsHostNamesAreListedInOrderWithoutAnotherTenants() {
        var tenant = newTenant();
        var other = newTenant();
        var stem = UUID.randomUUID() + ".example";
        var beta = new HostName("beta." + stem);
        var alpha = new HostName("alpha." + stem);
        withinPlatform(() -> domains().register(tenant.id(), beta, now()));
        withinPlatform(() -> domains().register(tenant.id(), alpha, now()));
        withinPlatform(() -> domains().register(other.id(), new HostName("other." + stem), now()));

        assertThat(inTenant(tenant, () -> domains().findByTenant(tenant.id()))).containsExactly(alpha, beta);
    }

    @Test
    void aHostNameIsRegisteredOnceOnly() {
        var tenant = newTenant();
        var other = newTenant();
        var host = newHost("scan");
        withinPlatform(() -> domains().register(tenant.id(), host, now()));

        assertThatThrownBy(() -> withinPlatform(() -> domains().register(other.id(), host, now())))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> withinPlatform(() -> domains().register(tenant.id(), host, now())))
                .isInstanceOf(RuntimeException.class);
        assertThat(inPlatform(() -> domains().ownerOf(host))).contains(tenant.id());
        assertThat(inTenant(other, () -> domains().findByTenant(other.id()))).isEmpty();
    }

    private static HostName newHost(String label) {
        return new HostName(label + "." + UUID.randomUUID() + ".example");
    }
}
