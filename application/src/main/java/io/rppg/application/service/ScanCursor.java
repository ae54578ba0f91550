package io.rppg.application.service;

import io.rppg.application.port.out.ScanSessionPort.Cursor;
import io.rppg.domain.session.ScanSessionId;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque cursor of a session listing: the creation time (epoch microseconds) and id of the last session of a
 * page, base64url-encoded without padding. Clients hand it back unchanged; its shape is not part of any API.
 */
final class ScanCursor {

    private static final char SEPARATOR = '|';

    private ScanCursor() {
    }

    static String encode(Cursor cursor) {
        var micros = Math.addExact(Math.multiplyExact(cursor.createdAt().getEpochSecond(), 1_000_000L),
                cursor.createdAt().getNano() / 1_000L);
        var text = micros + String.valueOf(SEPARATOR) + cursor.id().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ascii(text));
    }

    /** Empty when the text is not a cursor this service issued. */
    static Optional<Cursor> decode(String text) {
        try {
            var decoded = text(Base64.getUrlDecoder().decode(text));
            int split = decoded.indexOf(SEPARATOR);
            if (split < 1) {
                return Optional.empty();
            }
            long micros = Long.parseLong(decoded.substring(0, split));
            var id = decoded.substring(split + 1);
            if (!ScanSessionId.isWellFormed(id)) {
                return Optional.empty();
            }
            var createdAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
            return Optional.of(new Cursor(createdAt, new ScanSessionId(id)));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The cursor holds only ASCII (digits, the separator and an id), so each character is one byte. */
    private static byte[] ascii(String text) {
        var bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return bytes;
    }

    private static String text(byte[] bytes) {
        var chars = new char[bytes.length];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (bytes[i] & 0xFF);
        }
        return new String(chars);
    }
}
