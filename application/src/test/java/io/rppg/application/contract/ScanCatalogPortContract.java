package io.rppg.application.contract;

import io.rppg.application.port.out.DevicePort;
import io.rppg.application.port.out.ScanCatalogPort;
import io.rppg.application.port.out.ScanCatalogPort.Search;
import io.rppg.application.port.out.ScanMetadataPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.DeviceType;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans searched and read in batches: every filter narrows, a device keeps the sessions it streamed, each batch
 * answers for every id it was given, and another tenant's scans never appear.
 */
public abstract class ScanCatalogPortContract extends PortContract {

    protected abstract ScanCatalogPort catalog();

    protected abstract ScanSessionPort sessions();

    protected abstract DevicePort devices();

    protected abstract ScanMetadataPort metadata();

    @Test
    void everyFilterNarrowsTheSearchAndPagesFollowOneAnother() {
        var tenant = newTenant();
        var start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));
        var oldest = open(tenant.id(), start);
        var middle = open(tenant.id(), start.plusSeconds(60));
        var newest = open(tenant.id(), start.plusSeconds(120));
        var device = newDevice(tenant.id());
        streamOnce(tenant.id(), device, middle);
        withinTenant(tenant, () -> {
            catalog().retag(tenant.id(), oldest.id(), Set.of("a", "b"), Set.of());
            catalog().retag(tenant.id(), newest.id(), Set.of("a"), Set.of());
            metadata().save(tenant.id(), newest.id(), "{\"patient\": \"p-1\", \"visit\": 2}");
        });
        var now = Instant.now();

        assertThat(ids(tenant.id(), search(now, null, null, null, null, Set.of(), null, 10)))
                .containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(ids(tenant.id(), search(now, null, null, null, null, Set.of("a"), null, 10)))
                .containsExactly(newest.id(), oldest.id());
        assertThat(ids(tenant.id(), search(now, null, null, null, null, Set.of("a", "b"), null, 10)))
                .containsExactly(oldest.id());
        assertThat(ids(tenant.id(), search(now, null, null, null, device.id(), Set.of(), null, 10)))
                .containsExactly(middle.id());
        assertThat(ids(tenant.id(), search(now, ScanStatus.PROCESSING, null, null, null, Set.of(), null, 10)))
                .containsExactly(middle.id());
        assertThat(ids(tenant.id(), search(now, ScanStatus.PENDING, null, null, null, Set.of(), null, 10)))
                .containsExactly(newest.id(), oldest.id());
        assertThat(ids(tenant.id(), search(now, null, start.plusSeconds(60), start.plusSeconds(120), null, Set.of(),
                null, 10))).containsExactly(middle.id());
        assertThat(ids(tenant.id(), search(now, null, null, null, null, Set.of(), "{\"patient\": \"p-1\"}", 10)))
                .containsExactly(newest.id());
        assertThat(ids(tenant.id(), search(now, null, null, null, null, Set.of(), "{\"patient\": \"p-2\"}", 10)))
                .isEmpty();
        // Past its lifetime a pending session is expired, not pending.
        var later = start.plus(ScanSession.LIFETIME).plusSeconds(90);
        assertThat(ids(tenant.id(), search(later, ScanStatus.EXPIRED, null, null, null, Set.of(), null, 10)))
                .containsExactly(oldest.id());

        var firstPage = inTenant(tenant, () -> catalog().search(tenant.id(), search(now, null, null, null, null,
                Set.of(), null, 2)));
        assertThat(firstPage).extracting(ScanSession::id).containsExactly(newest.id(), middle.id());
        var after = new ScanSessionPort.Cursor(middle.createdAt(), middle.id());
        assertThat(inTenant(tenant, () -> catalog().search(tenant.id(), new Search(null, now, null, null, null,
                Set.of(), null, after, 2)))).extracting(ScanSession::id).containsExactly(oldest.id());
    }

    @Test
    void batchesAnswerForEveryIdAndDevicesKeepTheirLatestSessions() {
        var tenant = newTenant();
        var other = newTenant();
        var start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));
        var kiosk = newDevice(tenant.id());
        var phone = newDevice(tenant.id());
        var streamed = List.of(open(tenant.id(), start), open(tenant.id(), start.plusSeconds(1)),
                open(tenant.id(), start.plusSeconds(2)));
        streamed.forEach(session -> streamOnce(tenant.id(), kiosk, session));
        var fromPhone = open(tenant.id(), start.plusSeconds(3));
        streamOnce(tenant.id(), phone, fromPhone);
        var upload = open(tenant.id(), start.plusSeconds(4));
        var foreign = open(other.id(), start);
        withinTenant(tenant, () -> catalog().retag(tenant.id(), upload.id(), Set.of("x", "y"), Set.of()));
        withinTenant(tenant, () -> catalog().retag(tenant.id(), upload.id(), Set.of("z"), Set.of("x")));

        var latest = inTenant(tenant, () -> catalog().latestOfDevices(tenant.id(), List.of(kiosk.id(), phone.id()),
                2));
        assertThat(latest.get(kiosk.id())).extracting(ScanSession::id)
                .containsExactly(streamed.get(2).id(), streamed.get(1).id());
        assertThat(latest.get(phone.id())).extracting(ScanSession::id).containsExactly(fromPhone.id());

        var links = inTenant(tenant, () -> catalog().devicesOf(tenant.id(), List.of(streamed.get(0).id(),
                fromPhone.id(), upload.id(), foreign.id())));
        assertThat(links).containsEntry(streamed.get(0).id(), kiosk.id()).containsEntry(fromPhone.id(), phone.id())
                .doesNotContainKeys(upload.id(), foreign.id());
        assertThat(inTenant(tenant, () -> catalog().devices(tenant.id(), List.of(kiosk.id(), phone.id()))))
                .containsOnlyKeys(kiosk.id(), phone.id());
        assertThat(inTenant(other, () -> catalog().devices(other.id(), List.of(kiosk.id())))).isEmpty();
        assertThat(inTenant(tenant, () -> catalog().tagsOf(tenant.id(), List.of(upload.id(), fromPhone.id()))))
                .containsOnlyKeys(upload.id()).containsEntry(upload.id(), List.of("y", "z"));
        assertThat(inTenant(other, () -> catalog().search(other.id(), search(Instant.now(), null, null, null, null,
                Set.of(), null, 10)))).extracting(ScanSession::id).containsExactly(foreign.id());

        assertThat(inTenant(other, () -> catalog().delete(other.id(), upload.id()))).isFalse();
        assertThat(inTenant(tenant, () -> catalog().delete(tenant.id(), upload.id()))).isTrue();
        assertThat(inTenant(tenant, () -> sessions().findById(tenant.id(), upload.id()))).isEmpty();
        assertThat(inTenant(tenant, () -> catalog().tagsOf(tenant.id(), List.of(upload.id())))).isEmpty();
    }

    private static Search search(Instant asOf, ScanStatus status, Instant from, Instant to, DeviceId device,
                                 Set<String> tags, String metadata, int limit) {
        return new Search(status, asOf, from, to, device, tags, metadata, null, limit);
    }

    private List<ScanSessionId> ids(TenantId tenant, Search search) {
        return inTenant(tenant, () -> catalog().search(tenant, search)).stream().map(ScanSession::id).toList();
    }

    private ScanSession open(TenantId tenant, Instant at) {
        var session = ScanSession.open(ScanSessionId.issue(at, hex().substring(0, 16)), tenant,
                new SessionOwner("contract"), at);
        return inTenant(tenant, () -> sessions().save(session));
    }

    private Device newDevice(TenantId tenant) {
        var device = Device.register(new DeviceId("dev_" + hex()), tenant, "device", DeviceType.KIOSK,
                DeviceConfig.DEFAULT, Instant.now());
        return inTenant(tenant, () -> devices().save(device));
    }

    /** The device streams the session (which starts processing) and is idle again. */
    private void streamOnce(TenantId tenant, Device device, ScanSession session) {
        withinTenant(tenant, () -> {
            var current = devices().findById(tenant, device.id()).orElseThrow();
            sessions().save(session.acceptVideo(session.createdAt().plusSeconds(1)));
            devices().save(current.streaming(new StreamId("str_" + hex()), session.id(), Instant.now()));
            devices().save(devices().findById(tenant, device.id()).orElseThrow().idle(Instant.now()));
        });
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
