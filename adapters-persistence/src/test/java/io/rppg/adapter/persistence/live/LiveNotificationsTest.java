package io.rppg.adapter.persistence.live;

import io.rppg.domain.live.LiveCondition;
import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.live.LiveWindow;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiveNotificationsTest {

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final ScanSessionId session = ScanSessionId.issue(Instant.now(), "abcdefgh12345678");

    @Test
    void aWindowTravelsWithItsFiguresAndWaveform() {
        var waveform = new double[900];
        for (int i = 0; i < waveform.length; i++) {
            waveform[i] = Math.round(Math.sin(i / 5.0) * 1000) / 1000.0 - 0.0004;
        }
        var window = new LiveWindow(12, 71.25, 0.8125, -3.5, 9.97, waveform, 30, new LiveWindow.FaceBox(10, 20, 30, 40));
        var text = LiveNotifications.encode("node1", tenant, new LiveMessage.Window(session, window));
        // The longest waveform a window can carry (30 s at 30 Hz) stays within PostgreSQL's 8000 bytes.
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);

        var decoded = LiveNotifications.decode(text).orElseThrow();
        assertThat(decoded.node()).isEqualTo("node1");
        assertThat(decoded.tenant()).isEqualTo(tenant);
        var back = ((LiveMessage.Window) decoded.message()).window();
        assertThat(back.heartRate()).isEqualTo(71.25);
        assertThat(back.snrDb()).isEqualTo(-3.5);
        assertThat(back.face()).isEqualTo(new LiveWindow.FaceBox(10, 20, 30, 40));
        assertThat(back.waveform()).hasSize(900);
        assertThat(back.waveform()[7]).isCloseTo(waveform[7], within(0.001));
    }

    @Test
    void aStatusAndAnEndTravelTooAndForeignTextIsIgnored() {
        var status = LiveNotifications.decode(LiveNotifications.encode("n", tenant,
                new LiveMessage.Status(session, LiveCondition.TOO_DARK, 14))).orElseThrow();
        assertThat(status.message()).isEqualTo(new LiveMessage.Status(session, LiveCondition.TOO_DARK, 14));

        assertThat(LiveNotifications.decode("E|n|" + tenant.value() + "|" + session.value()).orElseThrow().ended())
                .isEqualTo(session);
        assertThat(LiveNotifications.decode("hello")).isEmpty();
        assertThat(LiveNotifications.decode("W|n|" + tenant.value() + "|" + session.value() + "|x")).isEmpty();
    }
}
