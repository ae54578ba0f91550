package io.rppg.domain.session;

import io.rppg.domain.Require;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Identifies a scan session, shaped as in the v1 API: {@code sess_YYYYMMDDHHMMSS_<random>}. The random part
 * makes it unguessable; the Nervoscan surface calls the same id a job id.
 */
public record ScanSessionId(String value) {

    private static final Pattern SHAPE = Pattern.compile("sess_\\d{14}_[a-z0-9]{8,64}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    public ScanSessionId {
        Require.present(value, "scan session id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a scan session id: " + abbreviate(value));
        }
    }

    public static ScanSessionId issue(Instant createdAt, String randomPart) {
        return new ScanSessionId("sess_" + STAMP.format(createdAt) + "_" + randomPart);
    }

    /** True when the text has the shape of an id; lets the edge answer "not found" without an exception. */
    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    public String toString() {
        return value;
    }
}
