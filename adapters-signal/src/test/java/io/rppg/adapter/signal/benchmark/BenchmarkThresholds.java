package io.rppg.adapter.signal.benchmark;

import io.rppg.adapter.signal.fixture.VideoContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.fail;

/**
 * What the benchmark run must stay within, so that a change that costs accuracy, speed or memory fails the run
 * instead of going unnoticed. Only the benchmark profile runs it; a plain build never does.
 *
 * <p>Each heart-rate bound lies a little above the figure measured at the commit the README names: that figure
 * plus a quarter of it, and at least 0.15 bpm more. The videos are rendered from seeds, so the figures repeat from
 * run to run; the bounds hold for the set they were measured on, the first seed {@value #MEASURED_SEED}.
 */
final class BenchmarkThresholds {

    static final long MEASURED_SEED = 100;

    /** HR MAE in bpm per container and method, as measured at the commit the README names. */
    private static final Map<String, Double> MEASURED_HR_MAE = Map.ofEntries(
            entry("MKV_FFV1/auto", 0.26), entry("MKV_FFV1/pos", 0.26), entry("MKV_FFV1/chrom", 0.27),
            entry("MKV_FFV1/green", 0.28), entry("MKV_FFV1/lgi", 0.26), entry("MKV_FFV1/pbv", 0.39),
            entry("MKV_FFV1/omit", 0.26),
            entry("MP4_MPEG4/auto", 0.57), entry("MP4_MPEG4/pos", 0.68), entry("MP4_MPEG4/chrom", 9.09),
            entry("MP4_MPEG4/green", 0.34), entry("MP4_MPEG4/lgi", 7.95), entry("MP4_MPEG4/pbv", 16.83),
            entry("MP4_MPEG4/omit", 7.95),
            entry("WEBM_VP8/auto", 0.31), entry("AVI_MJPEG/auto", 0.32));
    /**
     * Videos a method may fail on a set, as measured: CHROM finds no pulse in one mpeg4 video whose chroma pulse the
     * codec erased (an honest failure, not a wrong rate). Every other method and set must read every video.
     */
    private static final Map<String, Integer> MEASURED_FAILURES = Map.of("MP4_MPEG4/chrom", 1);
    /**
     * The median ratio of an engine run's CPU time to that of a decode-only run of the same 640x480 file just before
     * it. The goal is 1.5; measured 1.37-1.43 after the speed work the README names (1.50-1.52 before), on 2-core
     * machines shared with other builds, which move single runs by 20 % and more. Above this bound the engine has
     * got slower than FFmpeg's decoding alone and the load of the machine would explain.
     */
    static final double MAX_ENGINE_OVER_DECODE = 2.0;
    /** 10, 60 and 180 s are analysed in 24 MB of heap today; beyond this, something keeps pictures or grows. */
    static final int MAX_HEAP_MB = 32;

    private final List<String> kept = new ArrayList<>();
    private final List<String> crossed = new ArrayList<>();

    /** Checks one method's figures on one container's set: its HR MAE, and that every video gave vitals. */
    void heartRate(VideoContainer container, String method, long seed, double mae, int failed, int videos) {
        String set = container + "/" + method;
        int allowed = MEASURED_FAILURES.getOrDefault(set, 0);
        check(failed <= allowed, String.format(Locale.ROOT, "%s: %d of %d videos failed, %d may", set, failed, videos,
                allowed));
        if (seed != MEASURED_SEED) {
            kept.add(set + ": HR MAE not checked, its bound is for seed " + MEASURED_SEED + ", not " + seed);
            return;
        }
        Double measured = MEASURED_HR_MAE.get(set);
        if (measured == null) {
            crossed.add(set + ": no HR MAE bound set; measure it and add one");
            return;
        }
        double bound = heartRateBound(measured);
        check(mae <= bound, String.format(Locale.ROOT, "%s: HR MAE %.2f bpm, bound %.2f (measured %.2f)", set, mae,
                bound, measured));
    }

    /** A case family of the pulse's own cases: every answer within 3 bpm, and its MAE within its bound. */
    void family(String family, double mae, int within3, int answered, int cases, double maeBound) {
        check(answered == cases, String.format(Locale.ROOT, "%s: %d of %d cases gave no heart rate", family,
                cases - answered, cases));
        check(within3 == answered, String.format(Locale.ROOT, "%s: %d of %d heart rates within 3 bpm, all must be",
                family, within3, answered));
        check(!(mae > maeBound), String.format(Locale.ROOT, "%s: HR MAE %.2f bpm, bound %.2f", family, mae, maeBound));
    }

    /** A family whose every answer must be within 3 bpm or doubted (below a confident confidence, with the reason). */
    void readOrDoubted(String family, int readOrDoubted, int cases) {
        check(readOrDoubted == cases, String.format(Locale.ROOT, "%s: %d of %d cases read within 3 bpm or doubted, "
                + "all must be", family, readOrDoubted, cases));
    }

    /** Cases without a pulse: no confident heart rate may come back. */
    void noPulse(String family, int confident, int cases) {
        check(confident == 0, String.format(Locale.ROOT, "%s: %d of %d cases without a pulse gave a confident heart "
                + "rate, none may", family, confident, cases));
    }

    void calibration(Calibration calibration) {
        List<String> wrong = calibration.confidentlyWrong();
        check(wrong.isEmpty(), "calibration: no answer with confidence >= " + Calibration.CONFIDENT + " may be off by "
                + "more than " + Calibration.MAX_ERROR_WHEN_CONFIDENT + " bpm; " + wrong);
    }

    void speed(double medianEngineOverDecode) {
        check(medianEngineOverDecode <= MAX_ENGINE_OVER_DECODE, String.format(Locale.ROOT,
                "speed: median engine/decode %.2f, bound %.2f", medianEngineOverDecode, MAX_ENGINE_OVER_DECODE));
    }

    /** @param heapMb the smallest heap the analysis fitted in, or 0 when it fitted in none tried */
    void memory(int seconds, int heapMb) {
        check(heapMb > 0 && heapMb <= MAX_HEAP_MB, String.format(Locale.ROOT,
                "memory: %d s analysed in %s, bound %d MB", seconds, heapMb > 0 ? heapMb + " MB" : "no heap tried",
                MAX_HEAP_MB));
    }

    /** Prints every check, then fails the run naming each threshold it crossed. */
    void verdict() {
        kept.forEach(line -> System.out.println("threshold kept:    " + line));
        crossed.forEach(line -> System.out.println("THRESHOLD CROSSED: " + line));
        if (!crossed.isEmpty()) {
            fail(crossed.size() + " benchmark threshold(s) crossed:\n  " + String.join("\n  ", crossed));
        }
    }

    static double heartRateBound(double measured) {
        return measured + Math.max(0.15, 0.25 * measured);
    }

    private void check(boolean within, String line) {
        (within ? kept : crossed).add(line);
    }
}
