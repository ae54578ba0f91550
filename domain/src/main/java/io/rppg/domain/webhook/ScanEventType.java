package io.rppg.domain.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook can be told about a scan. */
public enum ScanEventType {
    SCAN_PROCESSING("scan.processing"),
    SCAN_COMPLETED("scan.completed"),
    SCAN_FAILED("scan.failed");

    private final String wireName;

    ScanEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code scan.completed}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ScanEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
