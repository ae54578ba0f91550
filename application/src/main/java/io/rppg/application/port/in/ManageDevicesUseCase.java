package io.rppg.application.port.in;

import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.DeviceType;
import io.rppg.domain.tenant.TenantId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tenant registers its capture devices, lists them and sets how they stream. */
public interface ManageDevicesUseCase {

    Device register(Registration registration);

    List<Device> list(TenantId tenant);

    Optional<Device> find(TenantId tenant, DeviceId id);

    Configuring configure(TenantId tenant, DeviceId id, DeviceConfig.Change change);

    /** @param config the device's starting config, or null for the defaults */
    record Registration(TenantId tenant, String name, DeviceType type, DeviceConfig config) {
        public Registration {
            if (tenant == null || name == null || name.isBlank() || type == null) {
                throw new IllegalArgumentException("a device needs its tenant, a name and a type");
            }
        }
    }

    sealed interface Configuring {
        record Configured(Device device) implements Configuring {
        }

        record Invalid(Map<String, String> problems) implements Configuring {
        }

        record NotFound(List<DeviceId> available) implements Configuring {
        }
    }
}
