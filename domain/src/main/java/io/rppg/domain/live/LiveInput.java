package io.rppg.domain.live;

import java.util.Locale;
import java.util.Optional;

/**
 * What a streaming connection sends: pieces of a WebM or fragmented-MP4 recording ({@code media}), or the mean skin
 * colour an SDK measured on the device, with no picture at all ({@code trace}).
 */
public enum LiveInput {
    MEDIA,
    TRACE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LiveInput> fromWire(String text) {
        for (var input : values()) {
            if (input.wireName().equals(text)) {
                return Optional.of(input);
            }
        }
        return Optional.empty();
    }
}
