package io.rppg.application.service.live;

import io.rppg.application.port.in.ManageDevicesUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.DevicePort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.tenant.TenantId;

import java.util.List;
import java.util.Optional;

/** Registers and configures a tenant's capture devices. */
public final class DeviceService implements ManageDevicesUseCase {

    private final DevicePort devices;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;

    public DeviceService(DevicePort devices, TransactionPort transactions, ClockPort clock, IdGeneratorPort ids) {
        this.devices = devices;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Device register(Registration registration) {
        var id = new DeviceId("dev_" + LiveIds.random(ids));
        var config = registration.config() == null ? DeviceConfig.DEFAULT : registration.config();
        return transactions.inTenantTransaction(registration.tenant(), () -> devices.save(Device.register(
                id, registration.tenant(), registration.name(), registration.type(), config, clock.now())));
    }

    @Override
    public List<Device> list(TenantId tenant) {
        return transactions.inTenantTransaction(tenant, () -> devices.findByTenant(tenant));
    }

    @Override
    public Optional<Device> find(TenantId tenant, DeviceId id) {
        return transactions.inTenantTransaction(tenant, () -> devices.findById(tenant, id));
    }

    @Override
    public Configuring configure(TenantId tenant, DeviceId id, DeviceConfig.Change change) {
        return transactions.inTenantTransaction(tenant, () -> {
            var device = devices.findByIdForUpdate(tenant, id).orElse(null);
            if (device == null) {
                return new Configuring.NotFound(devices.findByTenant(tenant).stream().map(Device::id).toList());
            }
            return switch (device.config().apply(change)) {
                case DeviceConfig.Outcome.Valid(var config) ->
                        new Configuring.Configured(devices.save(device.configured(config)));
                case DeviceConfig.Outcome.Invalid(var problems) -> new Configuring.Invalid(problems);
            };
        });
    }
}
