package io.rppg.application.contract;

import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Base of the contracts every storage port keeps, whichever side implements it: the in-memory fake the service tests
 * use, or the adapter on PostgreSQL. A subclass per side hands over the port and its {@link Tenancy}; the same tests
 * then run on both, so the fakes cannot drift from the real thing. Each test calls the port inside the kind of
 * transaction the services use for that call, since on PostgreSQL row-level security depends on it.
 */
public abstract class PortContract {

    protected abstract Tenancy tenancy();

    /** PostgreSQL keeps microseconds; every instant of a contract is cut to them. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    protected Tenant newTenant() {
        return tenancy().newTenant(10);
    }

    protected <T> T inTenant(Tenant tenant, Supplier<T> work) {
        return inTenant(tenant.id(), work);
    }

    protected <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return tenancy().transactions().inTenantTransaction(tenant, work);
    }

    protected void withinTenant(Tenant tenant, Runnable work) {
        withinTenant(tenant.id(), work);
    }

    protected void withinTenant(TenantId tenant, Runnable work) {
        inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }

    protected <T> T inPlatform(Supplier<T> work) {
        return tenancy().transactions().inPlatformTransaction(work);
    }

    protected void withinPlatform(Runnable work) {
        inPlatform(() -> {
            work.run();
            return null;
        });
    }
}
