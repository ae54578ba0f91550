package io.rppg.domain.quota;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsagePeriodTest {

    @Test
    void monthOfRunsFromTheFirstOfTheMonthToTheFirstOfTheNextInUtc() {
        UsagePeriod period = UsagePeriod.monthOf(Instant.parse("2026-03-15T12:34:56Z"));
        assertThat(period.start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void decemberEndsOnTheFirstOfJanuaryOfTheNextYear() {
        UsagePeriod period = UsagePeriod.monthOf(Instant.parse("2026-12-31T23:59:59.999Z"));
        assertThat(period.start()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void theFirstInstantOfAMonthBelongsToThatMonth() {
        UsagePeriod period = UsagePeriod.monthOf(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(period.start()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void theLastInstantOfAMonthBelongsToThatMonth() {
        UsagePeriod period = UsagePeriod.monthOf(Instant.parse("2026-03-31T23:59:59.999999999Z"));
        assertThat(period.start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void februaryOfALeapYearHas29Days() {
        UsagePeriod period = UsagePeriod.monthOf(Instant.parse("2028-02-10T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
    }

    @Test
    void containsIncludesTheStartAndExcludesTheEnd() {
        UsagePeriod period = UsagePeriod.monthOf(Instant.parse("2026-03-15T00:00:00Z"));
        assertThat(period.contains(period.start())).isTrue();
        assertThat(period.contains(Instant.parse("2026-03-31T23:59:59.999Z"))).isTrue();
        assertThat(period.contains(period.end())).isFalse();
        assertThat(period.contains(period.start().minusNanos(1))).isFalse();
    }

    @Test
    void theMonthOfAnInstantContainsIt() {
        Instant instant = Instant.parse("2026-07-04T18:00:00Z");
        assertThat(UsagePeriod.monthOf(instant).contains(instant)).isTrue();
    }

    @Test
    void mustEndAfterItStarts() {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        assertThatThrownBy(() -> new UsagePeriod(t, t)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UsagePeriod(t, t.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresStartAndEnd() {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        assertThatThrownBy(() -> new UsagePeriod(null, t)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UsagePeriod(t, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
