package io.rppg.application.picture;

import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.HeartRatePoint;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.HeartRhythm;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.PulseSpectrum;
import io.rppg.domain.vitals.PulseWaveform;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanReportDrawingTest {

    /** 10 s of a 72 bpm pulse at 30 Hz, its 12 beats, and a spectrum peaking at 72. */
    static Vitals vitals() {
        var values = new ArrayList<Double>();
        for (int i = 0; i < 300; i++) {
            values.add(Math.round(Math.sin(2 * Math.PI * 1.2 * i / 30) * 1e4) / 1e4);
        }
        var beats = new ArrayList<Double>();
        for (int k = 0; k < 12; k++) {
            beats.add(0.2083 + k / 1.2);
        }
        var bpm = new ArrayList<Double>();
        var power = new ArrayList<Double>();
        for (double b = 36; b <= 192; b += 0.5) {
            bpm.add(b);
            power.add(Math.exp(-Math.pow((b - 72) / 3, 2)));
        }
        var series = List.of(new HeartRatePoint(5, 71.2, 0.8), new HeartRatePoint(6, 72.9, 0.7),
                new HeartRatePoint(7, 73.4, 0.3));
        return new Vitals(new HeartRate(72.04), Measurement.of(new RespiratoryRate(14.2)),
                Measurement.of(new HeartRateVariability(45.31, 38.1, 11)), new SignalQuality(8.12, 0.92, 0.88),
                new Confidence(0.864), "auto:pos", 10, 300, series, HeartRhythm.REGULAR, null)
                .withPulse(new PulseWaveform(30, values, beats), new PulseSpectrum(bpm, power, 72.0));
    }

    @Test
    void theSvgShowsTheHeadlineFiguresAndOneMarkPerBeatAndThePeak() {
        var vitals = vitals();

        var svg = SvgPictures.parse(SvgPicture.render(ScanReportDrawing.measured("Scan sess_1", "now", vitals)));

        assertThat(svg.root().getLocalName()).isEqualTo("svg");
        assertThat(svg.root().getAttribute("width")).isEqualTo(String.valueOf(ScanReportDrawing.WIDTH));
        assertThat(svg.text("heart-rate")).isEqualTo("72.0 bpm");
        assertThat(svg.text("respiratory-rate")).isEqualTo("14.2 /min");
        assertThat(svg.text("hrv")).isEqualTo("45.3 ms");
        assertThat(svg.text("confidence")).isEqualTo("0.86");
        assertThat(svg.text("signal-quality")).isEqualTo("8.1 dB");
        assertThat(svg.withRole("beat")).hasSize(vitals.waveform().beatSeconds().size());
        assertThat(svg.withRole("waveform").getFirst().getAttribute("points").split(" ")).hasSize(300);
        assertThat(svg.text("peak-label")).isEqualTo("peak 72.0 bpm");
        assertThat(svg.withRole("series-point")).hasSize(3);
        assertThat(svg.joinedText("note")).contains("auto:pos").contains("SpO2");
    }

    @Test
    void eachBeatMarkSitsOnTheWaveformAtItsPeak() {
        var svg = SvgPictures.parse(SvgPicture.render(ScanReportDrawing.measured("t", "", vitals())));

        var beats = svg.withRole("beat");
        var ys = beats.stream().mapToDouble(b -> Double.parseDouble(b.getAttribute("cy"))).toArray();
        // The sine's crests all lie on one height: the top of the curve (1 of the -1.1..1.1 range).
        for (double y : ys) {
            assertThat(y).isCloseTo(ys[0], org.assertj.core.api.Assertions.within(1.0));
        }
        var axis = svg.withRole("axis").getFirst();
        double top = Double.parseDouble(axis.getAttribute("y"));
        assertThat(ys[0]).isLessThan(top + 0.1 * Double.parseDouble(axis.getAttribute("height")));
    }

    @Test
    void missingFiguresAreSaidWithTheirReasons() {
        var vitals = new Vitals(new HeartRate(64), Measurement.notMeasured("No clear breathing rhythm"),
                Measurement.notMeasured("Too short for beat-to-beat variability"), new SignalQuality(2, null, 0.4),
                new Confidence(0.2), "pos", 5.5, 165, List.of(), HeartRhythm.UNDETERMINED, "No clear pulse <faint>");

        var svg = SvgPictures.parse(SvgPicture.render(ScanReportDrawing.measured("t", "", vitals)));

        assertThat(svg.text("heart-rate")).isEqualTo("64.0 bpm");
        assertThat(svg.text("respiratory-rate")).isEqualTo("n/a");
        assertThat(svg.withRole("beat")).isEmpty();
        assertThat(svg.joinedText("missing")).contains("waveform was not kept").contains("spectrum was not kept");
        assertThat(svg.joinedText("note")).contains("No clear breathing rhythm")
                .contains("Too short for beat-to-beat variability").contains("No clear pulse <faint>");
    }

    @Test
    void aFailedScansPictureNamesItsReason() {
        var failure = new AnalysisFailure(FailureCode.NO_PULSE, FailureCode.NO_PULSE.defaultMessage()
                + " The brightness of the whole scene swings 72 times a minute, the background's as much as the "
                + "skin's: that is the light, not blood & nothing else");

        var picture = ScanReportDrawing.failed("Scan sess_2", "", failure);
        var svg = SvgPictures.parse(SvgPicture.render(picture));

        assertThat(svg.text("failure")).isEqualTo("Scan failed");
        assertThat(svg.text("failure-code")).isEqualTo("NO_PULSE");
        assertThat(svg.withRole("failure-reason")).hasSizeGreaterThan(1);
        assertThat(svg.joinedText("failure-reason")).isEqualTo(failure.message());
        assertThat(svg.withRole("heart-rate")).isEmpty();
        assertThat(picture.height()).isLessThan(400);
    }
}
