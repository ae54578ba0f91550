package io.rppg.domain.quota;

import io.rppg.domain.Require;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The calendar month (UTC) a scan is counted in: [start, end). */
public record UsagePeriod(Instant start, Instant end) {

    public UsagePeriod {
        Require.present(start, "period start");
        Require.present(end, "period end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a usage period must end after it starts");
        }
    }

    public static UsagePeriod monthOf(Instant instant) {
        YearMonth month = YearMonth.from(instant.atOffset(ZoneOffset.UTC));
        return new UsagePeriod(
                month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
