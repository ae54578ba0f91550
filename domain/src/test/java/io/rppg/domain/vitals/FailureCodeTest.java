package io.rppg.domain.vitals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCodeTest {

    @ParameterizedTest
    @EnumSource(value = FailureCode.class, names = "PROCESSING_ERROR", mode = EnumSource.Mode.EXCLUDE)
    void everyCodeButProcessingErrorIsAVideoFault(FailureCode code) {
        assertThat(code.isVideoFault()).isTrue();
    }

    @Test
    void processingErrorIsAFaultOfThePlatform() {
        assertThat(FailureCode.PROCESSING_ERROR.isVideoFault()).isFalse();
    }

    @Test
    void noFaceDetectedReadsExactlyAsTheApiDocumentsIt() {
        assertThat(FailureCode.NO_FACE_DETECTED.defaultMessage()).isEqualTo("No face detected in video");
    }

    @Test
    void noPulseAsksWhetherTheFaceIsALivePerson() {
        assertThat(FailureCode.NO_PULSE.defaultMessage())
                .isEqualTo("No pulse found in the face: is it a live person?");
    }

    @ParameterizedTest
    @EnumSource(FailureCode.class)
    void everyCodeHasAMessageForPeople(FailureCode code) {
        assertThat(code.defaultMessage()).isNotBlank();
    }
}
