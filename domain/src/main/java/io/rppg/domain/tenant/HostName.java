package io.rppg.domain.tenant;

import io.rppg.domain.Require;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A DNS host name such as {@code scan.clinic.example}, kept lower-case. */
public record HostName(String value) {

    private static final Pattern LABELS =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    public HostName {
        Require.present(value, "host name");
        if (!LABELS.matcher(value).matches()) {
            throw new IllegalArgumentException("not a host name: " + (value.length() > 60 ? value.substring(0, 60) : value));
        }
    }

    /** Parses what a client sent: trimmed and lower-cased; empty when it is not a host name at all. */
    public static Optional<HostName> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var normal = text.trim().toLowerCase(Locale.ROOT);
        return LABELS.matcher(normal).matches() ? Optional.of(new HostName(normal)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
