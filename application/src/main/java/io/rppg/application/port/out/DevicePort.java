package io.rppg.application.port.out;

import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** Stored capture devices. Every read names the tenant: another tenant's device does not exist for the caller. */
public interface DevicePort {

    /** Inserts a new device or updates one of the same tenant. */
    Device save(Device device);

    Optional<Device> findById(TenantId tenant, DeviceId id);

    /** The device, holding its row lock until the transaction ends, so two stream starts cannot both take it. */
    Optional<Device> findByIdForUpdate(TenantId tenant, DeviceId id);

    /** The tenant's devices, oldest first. */
    List<Device> findByTenant(TenantId tenant);
}
