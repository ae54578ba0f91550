package io.rppg.adapter.signal.method;

import java.util.List;
import java.util.Locale;

/** The methods the engine knows, chosen by name. */
public final class RppgMethods {

    private static final List<RppgMethod> ALL = List.of(
            new BestEvidence(List.of(new Pos(), new Green(), new Lgi())),
            new Pos(), new Chrom(), new Green(), new Lgi(), new Pbv(), new Omit());

    private RppgMethods() {
    }

    public static List<String> names() {
        return ALL.stream().map(RppgMethod::name).toList();
    }

    /** The method of that name, ignoring case; an unknown name is a configuration error. */
    public static RppgMethod named(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(m -> m.name().equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown rPPG method '" + name + "'; known: " + String.join(", ", names())));
    }
}
