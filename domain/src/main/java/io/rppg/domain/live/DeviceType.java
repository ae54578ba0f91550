package io.rppg.domain.live;

import java.util.Locale;
import java.util.Optional;

/** What kind of capture station a device is. */
public enum DeviceType {
    KIOSK,
    APP,
    BROWSER,
    CAMERA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeviceType> fromWire(String text) {
        for (var type : values()) {
            if (type.wireName().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
