package io.rppg.adapter.web.v1;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.vitals.Vitals;
import org.springframework.http.HttpStatus;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What {@code include=} may add to a session's vitals: the pulse waveform, its spectrum, or both. */
enum PulseExtras {
    WAVEFORM("waveform"),
    SPECTRUM("spectrum");

    private final String field;

    PulseExtras(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }

    Map<String, Object> of(Vitals vitals) {
        return switch (this) {
            case WAVEFORM -> VitalsReport.waveform(vitals);
            case SPECTRUM -> VitalsReport.spectrum(vitals);
        };
    }

    /** A comma-separated list such as {@code waveform,spectrum}; none when absent or blank. */
    static Set<PulseExtras> parse(String include) {
        var extras = EnumSet.noneOf(PulseExtras.class);
        if (include == null || include.isBlank()) {
            return extras;
        }
        for (String name : include.split(",")) {
            var wanted = name.trim().toLowerCase(Locale.ROOT);
            var extra = java.util.Arrays.stream(values()).filter(e -> e.field.equals(wanted)).findFirst()
                    .orElseThrow(() -> new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
                            "include takes waveform and spectrum, comma-separated").withDetail("field", "include")));
            extras.add(extra);
        }
        return extras;
    }
}
