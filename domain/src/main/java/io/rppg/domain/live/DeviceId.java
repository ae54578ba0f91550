package io.rppg.domain.live;

import io.rppg.domain.Require;

import java.util.regex.Pattern;

/** Identifies a capture device of a tenant: {@code dev_<random>}, unguessable like a session id. */
public record DeviceId(String value) {

    private static final Pattern SHAPE = Pattern.compile("dev_[a-z0-9]{8,64}");

    public DeviceId {
        Require.present(value, "device id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a device id");
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
