package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.SkinColourTrace;
import io.rppg.application.port.out.LiveSignalEnginePort;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiveTraceAnalysisTest {

    private final LiveSignalEngineAdapter engine = new LiveSignalEngineAdapter(SignalEngineConfig.defaults());

    @Test
    void aWindowEverySecondFromTheTenthAndAFinalHeartRateAsTheFileEngineJudgesIt() {
        var samples = SkinColourTrace.of(74, 20, 30, 7);
        var analysis = engine.open(new LiveSignalEnginePort.Settings("auto", 10));
        var readings = new ArrayList<Reading>();
        // Fed a third of a second at a time, as an SDK sends.
        for (int from = 0; from < samples.size(); from += 10) {
            readings.addAll(analysis.addTrace(samples.subList(from, Math.min(samples.size(), from + 10))));
        }

        var windows = readings.stream().map(reading -> ((Reading.Window) reading).window()).toList();
        assertThat(windows).hasSize(10);
        assertThat(windows.get(0).endSeconds()).isEqualTo(10);
        assertThat(windows.get(9).endSeconds()).isEqualTo(19);
        for (var window : windows) {
            assertThat(window.heartRate()).as("window ending at %s", window.endSeconds()).isCloseTo(74, within(3.0));
            assertThat(window.windowSeconds()).isCloseTo(10, within(0.1));
        }
        assertThat(windows.get(0).waveform()).hasSizeBetween(295, 301);
        assertThat(windows.get(1).waveform()).hasSize(30);

        var outcome = analysis.finish();
        assertThat(outcome).isInstanceOf(AnalysisOutcome.Measured.class);
        double finalRate = ((AnalysisOutcome.Measured) outcome).vitals().heartRate().beatsPerMinute();
        assertThat(finalRate).isCloseTo(74, within(1.0));
        assertThat(finalRate).isCloseTo(judgementOfTheWholeTraceAtOnce(samples), within(1e-9));
    }

    @Test
    void aStreamTooShortFailsAsATooShortVideoWould() {
        var analysis = engine.open(new LiveSignalEnginePort.Settings("auto", 10));
        assertThat(analysis.addTrace(SkinColourTrace.of(80, 3, 30, 1))).isEmpty();
        assertThat(analysis.seconds()).isCloseTo(3, within(0.05));
        var outcome = analysis.finish();
        assertThat(outcome).isInstanceOfSatisfying(AnalysisOutcome.Unusable.class,
                unusable -> assertThat(unusable.failure().code()).isEqualTo(FailureCode.VIDEO_TOO_SHORT));
    }

    @Test
    void samplesOlderThanTheLastAreIgnored() {
        var analysis = engine.open(new LiveSignalEnginePort.Settings("pos", 10));
        analysis.addTrace(List.of(new TraceSample(0, 150, 120, 100), new TraceSample(1000, 150, 120, 100)));
        analysis.addTrace(List.of(new TraceSample(500, 150, 120, 100)));
        assertThat(analysis.seconds()).isEqualTo(1);
    }

    private static double judgementOfTheWholeTraceAtOnce(List<TraceSample> samples) {
        var offline = engine().open(new LiveSignalEnginePort.Settings("auto", 10));
        offline.addTrace(samples);
        return ((AnalysisOutcome.Measured) offline.finish()).vitals().heartRate().beatsPerMinute();
    }

    private static LiveSignalEngineAdapter engine() {
        return new LiveSignalEngineAdapter(SignalEngineConfig.defaults());
    }
}
