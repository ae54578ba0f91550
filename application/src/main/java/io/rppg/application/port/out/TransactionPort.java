package io.rppg.application.port.out;

import io.rppg.domain.tenant.TenantId;

import java.util.function.Supplier;

/**
 * Runs work as one unit: all of its writes land or none do. Work for one tenant runs with that tenant set on the
 * connection, so the database's row-level security is a second wall behind the queries' own tenant filters.
 */
public interface TransactionPort {

    <T> T inTenantTransaction(TenantId tenant, Supplier<T> work);

    /** For the platform's own work that spans tenants (administration, background jobs). */
    <T> T inPlatformTransaction(Supplier<T> work);
}
