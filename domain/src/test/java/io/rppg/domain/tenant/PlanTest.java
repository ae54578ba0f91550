package io.rppg.domain.tenant;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTest {

    private static final PlanId ID = new PlanId(UUID.fromString("00000000-0000-4000-8000-000000000001"));

    private static Plan plan(int monthlyScans, int rpm, int maxOpen, int maxMb) {
        return new Plan(ID, "Basic", monthlyScans, rpm, maxOpen, maxMb, false);
    }

    @Test
    void keepsItsLimits() {
        Plan plan = new Plan(ID, "Pro", 1000, 60, 5, 50, true);
        assertThat(plan.monthlyScans()).isEqualTo(1000);
        assertThat(plan.requestsPerMinute()).isEqualTo(60);
        assertThat(plan.maxOpenSessions()).isEqualTo(5);
        assertThat(plan.maxUploadMegabytes()).isEqualTo(50);
        assertThat(plan.retainVideo()).isTrue();
    }

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> new Plan(null, "Basic", 10, 10, 1, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresANonBlankNameOfAtMost100Characters() {
        assertThatThrownBy(() -> new Plan(ID, null, 10, 10, 1, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Plan(ID, "  ", 10, 10, 1, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Plan(ID, "x".repeat(101), 10, 10, 1, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new Plan(ID, "x".repeat(100), 10, 10, 1, 10, false)).doesNotThrowAnyException();
    }

    @Test
    void allowsZeroMonthlyScansButNotNegative() {
        assertThatCode(() -> plan(0, 10, 1, 10)).doesNotThrowAnyException();
        assertThatThrownBy(() -> plan(-1, 10, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresPositiveRequestsPerMinute() {
        assertThatThrownBy(() -> plan(10, 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresAtLeastOneOpenSession() {
        assertThatThrownBy(() -> plan(10, 10, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresAPositiveUploadSize() {
        assertThatThrownBy(() -> plan(10, 10, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uploadSizeMayReachTheCeilingOf100Megabytes() {
        assertThat(Plan.UPLOAD_CEILING_MEGABYTES).isEqualTo(100);
        assertThatCode(() -> plan(10, 10, 1, 100)).doesNotThrowAnyException();
    }

    @Test
    void uploadSizeAboveTheCeilingIsRejected() {
        assertThatThrownBy(() -> plan(10, 10, 1, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max upload size must be at most 100 MB, was 101");
    }

    @Test
    void maxUploadBytesIsMegabytesInBinaryUnits() {
        assertThat(plan(10, 10, 1, 1).maxUploadBytes()).isEqualTo(1_048_576L);
        assertThat(plan(10, 10, 1, 100).maxUploadBytes()).isEqualTo(104_857_600L);
    }
}
