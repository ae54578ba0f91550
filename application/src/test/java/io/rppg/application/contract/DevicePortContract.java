package io.rppg.application.contract;

import io.rppg.application.port.out.DevicePort;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.DeviceType;
import io.rppg.domain.live.LiveInput;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Capture devices, stored per tenant: saved whole, read back equal, invisible to other tenants. */
public abstract class DevicePortContract extends PortContract {

    protected abstract DevicePort devices();

    @Test
    void aDeviceIsReadBackAsSavedThroughItsStreamAndBackToIdle() {
        var tenant = newTenant();
        var registered = device(tenant.id(), "Kiosk 1");
        withinTenant(tenant, () -> devices().save(registered));
        assertThat(inTenant(tenant, () -> devices().findById(tenant.id(), registered.id()))).contains(registered);

        var session = ScanSessionId.issue(now(), "abcdef012345");
        var streaming = registered.configured(new DeviceConfig(60, 120, 8, "pos", LiveInput.MEDIA))
                .streaming(new StreamId("str_" + hex()), session, now());
        withinTenant(tenant, () -> devices().save(streaming));
        var read = inTenant(tenant, () -> devices().findByIdForUpdate(tenant.id(), registered.id())).orElseThrow();
        assertThat(read).isEqualTo(streaming);
        assertThat(read.status()).isEqualTo(Device.Status.STREAMING);

        var idle = streaming.idle(now());
        withinTenant(tenant, () -> devices().save(idle));
        assertThat(inTenant(tenant, () -> devices().findById(tenant.id(), registered.id()))).contains(idle);
    }

    @Test
    void aTenantListsItsOwnDevicesOldestFirstAndNeverAnothersDevice() {
        var tenant = newTenant();
        var other = newTenant();
        var first = device(tenant.id(), "first");
        var second = new Device(new DeviceId("dev_" + hex()), tenant.id(), "second", DeviceType.BROWSER,
                DeviceConfig.DEFAULT, first.createdAt().plusSeconds(1), null, null, null);
        var foreign = device(other.id(), "foreign");
        withinTenant(tenant, () -> devices().save(second));
        withinTenant(tenant, () -> devices().save(first));
        withinTenant(other, () -> devices().save(foreign));

        assertThat(inTenant(tenant, () -> devices().findByTenant(tenant.id()))).containsExactly(first, second);
        assertThat(inTenant(tenant, () -> devices().findById(tenant.id(), foreign.id()))).isEmpty();
        assertThat(inTenant(other, () -> devices().findById(other.id(), first.id()))).isEmpty();
    }

    private static Device device(TenantId tenant, String name) {
        return Device.register(new DeviceId("dev_" + hex()), tenant, name, DeviceType.KIOSK, DeviceConfig.DEFAULT,
                now());
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
