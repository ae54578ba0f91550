package io.rppg.adapter.signal.dsp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeartRateSeriesTest {

    private static final double RATE = 30;

    /** A pulse whose rate falls linearly from 118 to 84 bpm over 30 s: each window reads the rate at its middle. */
    @Test
    void aFallingRateIsReadWindowByWindow() {
        double seconds = 30;
        double[] pulse = new double[(int) (seconds * RATE)];
        double phase = 0;
        for (int i = 0; i < pulse.length; i++) {
            double bpm = rateAt(i / RATE, seconds);
            phase += 2 * Math.PI * bpm / 60 / RATE;
            pulse[i] = Math.sin(phase);
        }

        List<HeartRateSeries.Point> series = HeartRateSeries.of(pulse, RATE);

        assertThat(series).hasSize(21);
        assertThat(series.getFirst().centreSeconds()).isCloseTo(5, within(0.01));
        assertThat(series.getLast().centreSeconds()).isCloseTo(25, within(0.01));
        for (HeartRateSeries.Point point : series) {
            assertThat(point.bpm()).isCloseTo(rateAt(point.centreSeconds(), seconds), within(1.5));
        }
    }

    @Test
    void aClipShorterThanAWindowGivesOnePointOverAll() {
        List<HeartRateSeries.Point> series = HeartRateSeries.of(Signals.sine(1.2, 1, 0, 7, RATE), RATE);

        assertThat(series).singleElement().satisfies(point -> {
            assertThat(point.centreSeconds()).isCloseTo(3.5, within(0.01));
            assertThat(point.bpm()).isCloseTo(72, within(0.5));
        });
    }

    private static double rateAt(double t, double seconds) {
        return 118 - 34 * t / seconds;
    }
}
