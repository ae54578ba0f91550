package io.rppg.domain.quota;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanQuotaTest {

    private static final UsagePeriod MARCH = UsagePeriod.monthOf(Instant.parse("2026-03-10T00:00:00Z"));

    @Test
    void grantsAScanWhileSomeAreLeftAndSaysHowManyRemain() {
        assertThat(new ScanQuota(MARCH, 10, 0).requestOne()).isEqualTo(new ScanAllowance.Granted(9));
        assertThat(new ScanQuota(MARCH, 10, 9).requestOne()).isEqualTo(new ScanAllowance.Granted(0));
    }

    @Test
    void noScansAvailableOnceTheMonthIsSpentRenewingAtThePeriodEnd() {
        ScanAllowance allowance = new ScanQuota(MARCH, 10, 10).requestOne();
        assertThat(allowance).isEqualTo(
                new ScanAllowance.NoScansAvailable(10, Instant.parse("2026-04-01T00:00:00Z")));
    }

    @Test
    void noScansAvailableWhenUsageIsAboveThePlan() {
        assertThat(new ScanQuota(MARCH, 5, 7).requestOne()).isInstanceOf(ScanAllowance.NoScansAvailable.class);
    }

    @Test
    void aPlanWithoutScansGrantsNone() {
        assertThat(new ScanQuota(MARCH, 0, 0).requestOne())
                .isEqualTo(new ScanAllowance.NoScansAvailable(0, MARCH.end()));
    }

    @Test
    void leftIsWhatRemainsAndNeverNegative() {
        assertThat(new ScanQuota(MARCH, 10, 3).left()).isEqualTo(7);
        assertThat(new ScanQuota(MARCH, 10, 10).left()).isZero();
        assertThat(new ScanQuota(MARCH, 10, 12).left()).isZero();
    }

    @Test
    void theNoScansCodeIsStable() {
        assertThat(ScanAllowance.NoScansAvailable.CODE).isEqualTo("NO_SCANS_AVAILABLE");
    }

    @Test
    void requiresAPeriodAndNonNegativeCounts() {
        assertThatThrownBy(() -> new ScanQuota(null, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanQuota(MARCH, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanQuota(MARCH, 10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
