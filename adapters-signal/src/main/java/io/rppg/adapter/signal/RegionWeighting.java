package io.rppg.adapter.signal;

import io.rppg.adapter.signal.dsp.BandPass;
import io.rppg.adapter.signal.dsp.PulseBand;
import io.rppg.adapter.signal.dsp.Resampler;
import io.rppg.adapter.signal.method.RgbTrace;

import java.util.Arrays;

/**
 * Weighs each skin region by its own pulse once a stretch of the trace is known (a whole clip, or a live window).
 *
 * <p>While the video is read, the regions are joined in proportion to the skin each shows, a weight held fixed
 * while a region stays in (weights moving every picture would mix the regions' differences in colour into the
 * trace). A cheek in shadow under camera noise, or a forehead under a fringe, still shows as much skin, and carries
 * its noise into the joined trace at full weight. Over a stretch, each region's colour is the part it shares with
 * the others (the pulse, and the light and motion every region sees) plus a part of its own (its noise, and what
 * it lacks of the pulse). With three regions, the own parts follow from the band-limited (0.6-3.2 Hz) differences
 * between each pair, in which everything shared cancels ("three-cornered hat"):
 * {@code own(a) = (|a-b|^2 + |a-c|^2 - |b-c|^2) / 2}, summed over the three colours as shares of their levels.
 * A region's own pulse SNR is the shared power over its own part.
 *
 * <p>The shared part passes through any weights that add up to one unchanged; only the own parts depend on them,
 * and the joined trace's is smallest with weights in inverse proportion to each region's own part. A region whose
 * own part stands above the shared pulse (own SNR below {@value #OWN_SNR_TO_ACT_DB} dB) and at least
 * {@value #OWN_PART_TO_ACT} times above the middle region's, per unit of its skin weight, has its weight cut by
 * that ratio, constant over the stretch, and the stretch is joined again
 * from the regions' steps ({@link RegionSteps}). Anything else, and any stretch where three regions are not
 * together for long enough, keeps the colour as it was read, to the last bit.
 */
final class RegionWeighting {

    /**
     * A region's own pulse SNR (shared power over its own part) below which it is weighed by its quality. Regions
     * of the benchmark's generated faces with a pulse read from -9 dB up (the codec's noise is their own); a cheek
     * shaded under blotchy noise from -14 to -22 dB.
     */
    static final double OWN_SNR_TO_ACT_DB = -3;
    /**
     * ... and whose own part, per unit of skin weight, is at least this many times the middle region's. Below
     * -3 dB, the regions of the benchmark's hard scenes and mpeg4 faces differ by up to 4.7 times (a small or a
     * turned face), the foreheads of five of its 95 faces by 6.6 to 12 times, a cheek shaded under noise by 17 to 37
     * times. Weights moved for differences of 2 times or more changed most of the benchmark's answers, both ways,
     * by a few hundredths of a bpm; regions that differ less than this keep the weights they were read with.
     */
    static final double OWN_PART_TO_ACT = 6;
    /** The regions must be joined together over this share of the stretch, and this long, to be told apart. */
    private static final double MIN_TOGETHER_SHARE = 0.5;
    private static final double MIN_TOGETHER_SECONDS = 5;
    /** The smallest own part believed, as a share of the shared power (an own SNR of 20 dB). */
    private static final double MIN_OWN_SHARE = 0.01;
    private static final double RATE = VitalsEstimator.RATE;
    private static final int CHANNELS = 3;

    private RegionWeighting() {
    }

    /** The colour of the stretch [from, to) of the trace, its regions weighed by their own pulse. */
    static Colour colour(SkinTrace trace, int from, int to) {
        return switch (judge(trace, from, to)) {
            case Judgement.AsRead asRead -> new Colour(trace.seconds(), trace.red(), trace.green(), trace.blue(),
                    from, to);
            case Judgement.Weighed weighed -> rejoined(trace, from, to, weighed.quality());
        };
    }

    /** Whether the stretch's regions are weighed anew, and by what; sealed so that each answer is handled. */
    sealed interface Judgement {

        /** The colour stays as read: the reason, for tests and diagnostics. */
        record AsRead(String reason) implements Judgement {
        }

        /**
         * @param quality each region's factor on its skin weight, in (0, 1]
         * @param ownSnrDb each region's own pulse SNR
         */
        record Weighed(double[] quality, double[] ownSnrDb) implements Judgement {
        }
    }

    static Judgement judge(SkinTrace trace, int from, int to) {
        RegionSteps steps = trace.regionSteps();
        if (steps.regions() < RegionSteps.MAX_REGIONS) {
            return new Judgement.AsRead("fewer than three regions");
        }
        int n = to - from;
        if (n < 2) {
            return new Judgement.AsRead("too short a stretch");
        }
        double[] t = Arrays.copyOfRange(trace.seconds(), from, to);
        boolean[] together = new boolean[n];
        int count = 0;
        for (int k = 1; k < n; k++) {
            together[k] = steps.weight(0, from + k) > 0 && steps.weight(1, from + k) > 0
                    && steps.weight(2, from + k) > 0;
            count += together[k] ? 1 : 0;
        }
        if (count < MIN_TOGETHER_SHARE * n || trace.spanOf(from, to) * count / n < MIN_TOGETHER_SECONDS) {
            return new Judgement.AsRead("the three regions are not together for long enough");
        }
        double[] level = {mean(trace.red(), from, to), mean(trace.green(), from, to), mean(trace.blue(), from, to)};
        if (!(level[0] > 0 && level[1] > 0 && level[2] > 0)) {
            return new Judgement.AsRead("a channel without light");
        }
        // Band-limited covariances of the regions' colours, summed over the channels, as shares of each level.
        double[][] covariance = new double[3][3];
        BandPass band = PulseBand.filter(RATE);
        double[][] banded = new double[3][];
        for (int c = 0; c < CHANNELS; c++) {
            for (int r = 0; r < 3; r++) {
                double[] colour = new double[n];
                for (int k = 1; k < n; k++) {
                    colour[k] = colour[k - 1] + (together[k] ? steps.step(r, c, from + k) / level[c] : 0);
                }
                banded[r] = band.apply(Resampler.uniform(t, colour, 0, n, RATE));
            }
            for (int a = 0; a < 3; a++) {
                for (int b = a; b < 3; b++) {
                    covariance[a][b] += covariance(banded[a], banded[b]);
                    covariance[b][a] = covariance[a][b];
                }
            }
        }
        double shared = (covariance[0][1] + covariance[0][2] + covariance[1][2]) / 3;
        if (!(shared > 0)) {
            return new Judgement.AsRead("the regions share no pulse");
        }
        double[] own = new double[3];
        double[] perWeight = new double[3];
        double[] ownSnrDb = new double[3];
        for (int a = 0; a < 3; a++) {
            int b = (a + 1) % 3;
            int c = (a + 2) % 3;
            // (|a-b|^2 + |a-c|^2 - |b-c|^2) / 2, written out in covariances.
            // Estimated, it can come out below nothing for a clean region: held at the smallest own part believed.
            own[a] = Math.max(MIN_OWN_SHARE * shared,
                    covariance[a][a] - covariance[a][b] - covariance[a][c] + covariance[b][c]);
            perWeight[a] = own[a] * meanWeight(steps, a, from, together);
            ownSnrDb[a] = 10 * Math.log10(shared / own[a]);
        }
        double middle = median(perWeight);
        double[] quality = {1, 1, 1};
        boolean any = false;
        for (int a = 0; a < 3; a++) {
            if (ownSnrDb[a] < OWN_SNR_TO_ACT_DB && perWeight[a] >= OWN_PART_TO_ACT * middle) {
                quality[a] = middle / perWeight[a];
                any = true;
            }
        }
        return any ? new Judgement.Weighed(quality, ownSnrDb)
                : new Judgement.AsRead(String.format(java.util.Locale.ROOT,
                "every region's pulse holds its own: own SNR %.1f / %.1f / %.1f dB",
                ownSnrDb[0], ownSnrDb[1], ownSnrDb[2]));
    }

    /**
     * The stretch joined again from the regions' steps with their skin weights times {@code quality}, from the
     * level of its first sample; a sample where no region stepped keeps the level.
     */
    private static Colour rejoined(SkinTrace trace, int from, int to, double[] quality) {
        RegionSteps steps = trace.regionSteps();
        int n = to - from;
        double[][] colour = {new double[n], new double[n], new double[n]};
        colour[0][0] = trace.red()[from];
        colour[1][0] = trace.green()[from];
        colour[2][0] = trace.blue()[from];
        for (int k = 1; k < n; k++) {
            double weights = 0;
            double[] step = new double[CHANNELS];
            for (int r = 0; r < steps.regions(); r++) {
                double w = steps.weight(r, from + k) * quality[r];
                if (w > 0) {
                    weights += w;
                    for (int c = 0; c < CHANNELS; c++) {
                        step[c] += w * steps.step(r, c, from + k);
                    }
                }
            }
            for (int c = 0; c < CHANNELS; c++) {
                colour[c][k] = colour[c][k - 1] + (weights > 0 ? step[c] / weights : 0);
            }
        }
        return new Colour(Arrays.copyOfRange(trace.seconds(), from, to), colour[0], colour[1], colour[2], 0, n);
    }

    private static double meanWeight(RegionSteps steps, int region, int from, boolean[] together) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < together.length; k++) {
            if (together[k]) {
                sum += steps.weight(region, from + k);
                count++;
            }
        }
        return sum / count;
    }

    private static double covariance(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / x.length;
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    private static double median(double[] three) {
        double[] sorted = three.clone();
        Arrays.sort(sorted);
        return sorted[1];
    }

    /** The skin colour of a stretch: samples [from, to) of these arrays. */
    record Colour(double[] seconds, double[] red, double[] green, double[] blue, int from, int to) {

        RgbTrace resampled(double rate) {
            return new RgbTrace(Resampler.uniform(seconds, red, from, to, rate),
                    Resampler.uniform(seconds, green, from, to, rate),
                    Resampler.uniform(seconds, blue, from, to, rate), rate);
        }
    }
}
