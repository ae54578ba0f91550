package io.rppg.application.service;

import io.rppg.application.port.out.ScanSessionPort.Cursor;
import io.rppg.domain.session.ScanSessionId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque cursor of a session listing: the creation time (epoch microseconds) and id of the last session of a
 * page, base64url-encoded without padding. Clients hand it back unchanged; its shape is not part of any API.
 */
final class ScanCursor {

    private static final char SEPARATOR = '|';
    /** Creation times a cursor may carry: 1970 to the end of 9999, well inside what the database stores. */
    private static final long EARLIEST_MICROS = 0;
    private static final long LATEST_MICROS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() * 1_000_000L;

    private ScanCursor() {
    }

    static String encode(Cursor cursor) {
        var micros = Math.addExact(Math.multiplyExact(cursor.createdAt().getEpochSecond(), 1_000_000L),
                cursor.createdAt().getNano() / 1_000L);
        var text = micros + String.valueOf(SEPARATOR) + cursor.id().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty when the text is not a cursor this service issued. */
    static Optional<Cursor> decode(String text) {
        try {
            var decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int split = decoded.indexOf(SEPARATOR);
            if (split < 1) {
                return Optional.empty();
            }
            long micros = Long.parseLong(decoded.substring(0, split));
            var id = decoded.substring(split + 1);
            if (micros < EARLIEST_MICROS || micros > LATEST_MICROS || !ScanSessionId.isWellFormed(id)) {
                return Optional.empty();
            }
            var createdAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
            return Optional.of(new Cursor(createdAt, new ScanSessionId(id)));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
