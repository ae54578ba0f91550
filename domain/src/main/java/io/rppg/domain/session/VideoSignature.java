package io.rppg.domain.session;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a video container by its first bytes, never by its file name or declared content type:
 * <ul>
 *     <li>MP4 and MOV: an ISO base media box at offset 0 whose type (offset 4) is {@code ftyp}; the major brand
 *     {@code qt  } means QuickTime (MOV), any other brand MP4. Old QuickTime files without {@code ftyp} start with
 *     a {@code moov}, {@code mdat} or {@code wide} atom and are MOV too;</li>
 *     <li>WebM and Matroska: the EBML magic {@code 1A 45 DF A3};</li>
 *     <li>AVI: {@code RIFF}, a 4-byte size, then {@code AVI }.</li>
 * </ul>
 * A recognised signature says only what the file claims to be; whether it can be opened is checked apart.
 */
public final class VideoSignature {

    /** How many leading bytes {@link #sniff(byte[], int)} needs to decide. */
    public static final int HEAD_LENGTH = 12;

    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final Set<String> QUICKTIME_LEADING_ATOMS = Set.of("moov", "mdat", "wide");

    private VideoSignature() {
    }

    public static Optional<VideoContainer> sniff(byte[] head) {
        return sniff(head, head == null ? 0 : head.length);
    }

    /** Looks at the first {@code length} bytes of {@code head}; fewer than needed means "not recognised". */
    public static Optional<VideoContainer> sniff(byte[] head, int length) {
        if (head == null || length < EBML.length) {
            return Optional.empty();
        }
        if (Arrays.equals(head, 0, EBML.length, EBML, 0, EBML.length)) {
            return Optional.of(VideoContainer.WEBM);
        }
        if (length < HEAD_LENGTH) {
            return Optional.empty();
        }
        var boxType = ascii(head, 4);
        if (boxType.equals("ftyp")) {
            return Optional.of(ascii(head, 8).equals("qt  ") ? VideoContainer.MOV : VideoContainer.MP4);
        }
        if (QUICKTIME_LEADING_ATOMS.contains(boxType)) {
            return Optional.of(VideoContainer.MOV);
        }
        if (ascii(head, 0).equals("RIFF") && ascii(head, 8).equals("AVI ")) {
            return Optional.of(VideoContainer.AVI);
        }
        return Optional.empty();
    }

    private static String ascii(byte[] bytes, int offset) {
        var text = new char[4];
        for (int i = 0; i < text.length; i++) {
            text[i] = (char) (bytes[offset + i] & 0xFF);
        }
        return new String(text);
    }
}
