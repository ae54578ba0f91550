package io.rppg.adapter.signal.dsp;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BeatsTest {

    private static final double RATE = 30;

    /**
     * Beats 810 and 857 ms apart in turn, off the 30 Hz sampling grid: the parabola places every beat between samples
     * 33 ms apart to within a millisecond, and SDNN and RMSSD are those of the drawn intervals.
     */
    @Test
    void aKnownPulseTrainGivesItsIntervals() {
        double[] beats = beatTimes(1.013, 20, 810, 857);

        Beats found = Beats.find(pulseTrain(beats, 22), RATE, 60_000 / 833.5);

        assertThat(found.peakSeconds()).hasSameSizeAs(beats);
        for (int k = 0; k < beats.length; k++) {
            assertThat(found.peakSeconds()[k]).isCloseTo(beats[k], within(0.001));
        }
        double[] intervals = found.acceptedIntervalsMs();
        assertThat(intervals).hasSize(beats.length - 1);
        for (int k = 0; k < intervals.length; k++) {
            assertThat(intervals[k]).isCloseTo(k % 2 == 0 ? 810 : 857, within(1.5));
        }
        assertThat(found.acceptedShare()).isEqualTo(1.0);
        assertThat(found.rmssdMs()).isCloseTo(47, within(1.5));
        assertThat(found.sdnnMs()).isCloseTo(sampleStandardDeviation(beats), within(1.0));
        assertThat(found.acceptedAtSeconds()[0]).isCloseTo(beats[1], within(0.001));
    }

    /**
     * A missed beat leaves a 1600 ms interval, twice the rest: it is rejected as implausible, and so is no other;
     * RMSSD pairs only intervals that follow each other.
     */
    @Test
    void aMissedBeatIsRejected() {
        double[] all = beatTimes(1.0, 16, 800, 800);
        double[] beats = new double[all.length - 1];
        System.arraycopy(all, 0, beats, 0, 8);
        System.arraycopy(all, 9, beats, 8, all.length - 9);

        Beats found = Beats.find(pulseTrain(beats, 18), RATE, 75);

        assertThat(found.peakSeconds()).hasSize(beats.length);
        assertThat(found.acceptedIntervalsMs()).hasSize(beats.length - 2);
        assertThat(Arrays.stream(found.acceptedIntervalsMs()).boxed()).allSatisfy(
                ibi -> assertThat(ibi).isCloseTo(800, within(6.0)));
        assertThat(found.acceptedShare()).isCloseTo((beats.length - 2.0) / (beats.length - 1), within(1e-9));
        assertThat(found.successivePairs()).isEqualTo(beats.length - 4);
    }

    /** Peaks closer than 60% of a beat are one beat: a dicrotic wave after each systolic peak is not counted. */
    @Test
    void aDicroticWaveIsNotABeat() {
        double[] beats = beatTimes(1.0, 12, 1000, 1000);
        double[] pulse = pulseTrain(beats, 14);
        double[] dicrotic = new double[beats.length];
        for (int k = 0; k < beats.length; k++) {
            dicrotic[k] = beats[k] + 0.35;
        }
        double[] notches = pulseTrain(dicrotic, 14);
        for (int i = 0; i < pulse.length; i++) {
            pulse[i] += 0.4 * notches[i];
        }

        Beats found = Beats.find(pulse, RATE, 60);

        assertThat(found.peakSeconds()).hasSameSizeAs(beats);
        assertThat(Arrays.stream(found.acceptedIntervalsMs()).boxed()).allSatisfy(
                ibi -> assertThat(ibi).isCloseTo(1000, within(6.0)));
    }

    /** Beat times from {@code first} on, alternating the two intervals, up to {@code until} seconds. */
    /**
     * Beats of one shape look alike however unevenly they come; the same beats under noise, which also places some
     * of the peaks, do not.
     */
    @Test
    void beatsOfOneShapeAreConsistentAndNoiseIsNot() {
        double[] uneven = {1.0, 1.6, 2.5, 3.1, 4.0, 4.9, 5.4, 6.3, 7.0, 7.6, 8.5, 9.3, 10.0, 10.6, 11.5, 12.2};
        double[] clean = pulseTrain(uneven, 13.5);
        double[] noisy = clean.clone();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += 0.35 * random.nextGaussian();
        }

        double alike = Beats.find(clean, RATE, 80).shapeConsistency(clean, RATE);
        double unlike = Beats.find(noisy, RATE, 80).shapeConsistency(noisy, RATE);

        assertThat(alike).isGreaterThan(0.97);
        assertThat(unlike).isLessThan(0.9);
    }

    private static double[] beatTimes(double first, double until, double oddMs, double evenMs) {
        double[] times = new double[64];
        int n = 0;
        for (double t = first; t < until; n++) {
            times[n] = t;
            t += (n % 2 == 0 ? oddMs : evenMs) / 1000;
        }
        return Arrays.copyOf(times, n);
    }

    /** A smooth bump (Gaussian, 80 ms wide) at each beat time, sampled at 30 Hz over {@code seconds}. */
    private static double[] pulseTrain(double[] beats, double seconds) {
        double[] x = new double[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            double t = i / RATE;
            for (double beat : beats) {
                x[i] += Math.exp(-0.5 * Math.pow((t - beat) / 0.08, 2));
            }
        }
        return x;
    }

    private static double sampleStandardDeviation(double[] beats) {
        double[] ibis = new double[beats.length - 1];
        for (int k = 1; k < beats.length; k++) {
            ibis[k - 1] = (beats[k] - beats[k - 1]) * 1000;
        }
        double mean = Arrays.stream(ibis).average().orElseThrow();
        return Math.sqrt(Arrays.stream(ibis).map(v -> (v - mean) * (v - mean)).sum() / (ibis.length - 1));
    }
}
