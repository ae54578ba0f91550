package io.rppg.domain.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScanStatusTest {

    @Test
    void pendingAndProcessingAreOpen() {
        assertThat(ScanStatus.PENDING.isOpen()).isTrue();
        assertThat(ScanStatus.PROCESSING.isOpen()).isTrue();
    }

    @Test
    void finishedStatusesAreNotOpen() {
        assertThat(ScanStatus.COMPLETED.isOpen()).isFalse();
        assertThat(ScanStatus.FAILED.isOpen()).isFalse();
        assertThat(ScanStatus.EXPIRED.isOpen()).isFalse();
    }

    @Test
    void completedFailedAndExpiredAreFinished() {
        assertThat(ScanStatus.COMPLETED.isFinished()).isTrue();
        assertThat(ScanStatus.FAILED.isFinished()).isTrue();
        assertThat(ScanStatus.EXPIRED.isFinished()).isTrue();
    }

    @Test
    void openStatusesAreNotFinished() {
        assertThat(ScanStatus.PENDING.isFinished()).isFalse();
        assertThat(ScanStatus.PROCESSING.isFinished()).isFalse();
    }

    @Test
    void everyStatusIsEitherOpenOrFinished() {
        for (ScanStatus status : ScanStatus.values()) {
            assertThat(status.isOpen()).as(status.name()).isNotEqualTo(status.isFinished());
        }
    }
}
