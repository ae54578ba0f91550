package io.rppg.domain.live;

import io.rppg.domain.Require;

import java.util.regex.Pattern;

/** Identifies one live stream: {@code str_<random>}. A stream feeds exactly one scan session. */
public record StreamId(String value) {

    private static final Pattern SHAPE = Pattern.compile("str_[a-z0-9]{8,64}");

    public StreamId {
        Require.present(value, "stream id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a stream id");
        }
    }

    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
