package io.rppg.application.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte contents for tests: a plausible MP4 head, its truncated twin and things that are no video at all. */
public final class Videos {

    public static final String TRUNCATED_MARK = "TRUNCATED";

    private Videos() {
    }

    public static byte[] mp4(int size) {
        byte[] bytes = new byte[Math.max(size, 32)];
        byte[] head = "\0\0\0\u0018ftypisom\0\0\u0002\0isomiso2".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** An MP4 signature whose body the probe recognises as cut off. */
    public static byte[] truncatedMp4() {
        byte[] head = mp4(32);
        byte[] mark = TRUNCATED_MARK.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = Arrays.copyOf(head, head.length + mark.length);
        System.arraycopy(mark, 0, bytes, head.length, mark.length);
        return bytes;
    }

    public static byte[] text() {
        return "this is a text file pretending to be video.mp4".getBytes(StandardCharsets.ISO_8859_1);
    }
}
