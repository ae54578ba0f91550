package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalysisFailureTest {

    @ParameterizedTest
    @EnumSource(FailureCode.class)
    void ofUsesTheCodesDefaultMessage(FailureCode code) {
        AnalysisFailure failure = AnalysisFailure.of(code);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.message()).isEqualTo(code.defaultMessage());
    }

    @Test
    void aNoFaceFailureSaysSo() {
        assertThat(AnalysisFailure.of(FailureCode.NO_FACE_DETECTED).message()).isEqualTo("No face detected in video");
    }

    @Test
    void requiresACode() {
        assertThatThrownBy(() -> new AnalysisFailure(null, "message")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresANonBlankMessageOfAtMost1000Characters() {
        assertThatThrownBy(() -> new AnalysisFailure(FailureCode.TOO_DARK, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnalysisFailure(FailureCode.TOO_DARK, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnalysisFailure(FailureCode.TOO_DARK, "x".repeat(1001)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new AnalysisFailure(FailureCode.TOO_DARK, "x".repeat(1000))).doesNotThrowAnyException();
    }
}
