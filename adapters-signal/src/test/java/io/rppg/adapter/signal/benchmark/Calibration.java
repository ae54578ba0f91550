package io.rppg.adapter.signal.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the confidence means something: every heart rate the benchmark got back, binned by its confidence, against
 * the share of them within 3 bpm of the truth.
 */
final class Calibration {

    private static final double[] BIN_EDGES = {0, 0.3, 0.5, 0.7, 1.0001};
    /** An answer at least this confident must be within {@value #MAX_ERROR_WHEN_CONFIDENT} bpm. */
    static final double CONFIDENT = 0.5;
    static final double MAX_ERROR_WHEN_CONFIDENT = 5;

    private record Answer(String source, double confidence, double errorBpm) {
    }

    private final List<Answer> answers = new ArrayList<>();

    void add(String source, double confidence, double errorBpm) {
        answers.add(new Answer(source, confidence, Math.abs(errorBpm)));
    }

    void print() {
        System.out.println("== calibration over every heart rate reported: confidence bin, answers, share within 3 bpm, "
                + "largest error");
        for (int b = 0; b + 1 < BIN_EDGES.length; b++) {
            double low = BIN_EDGES[b], high = BIN_EDGES[b + 1];
            List<Answer> bin = answers.stream().filter(a -> a.confidence() >= low && a.confidence() < high).toList();
            long within = bin.stream().filter(a -> a.errorBpm() <= 3).count();
            double worst = bin.stream().mapToDouble(Answer::errorBpm).max().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "confidence %.1f-%.1f  %3d  %5.1f%%  %5.1f bpm%n", low, Math.min(1, high),
                    bin.size(), bin.isEmpty() ? Double.NaN : 100.0 * within / bin.size(), worst);
        }
    }

    /** The confident answers that were off by more than {@value #MAX_ERROR_WHEN_CONFIDENT} bpm. */
    List<String> confidentlyWrong() {
        return answers.stream().filter(a -> a.confidence() >= CONFIDENT && a.errorBpm() > MAX_ERROR_WHEN_CONFIDENT)
                .map(a -> String.format(Locale.ROOT, "%s: confidence %.2f, off by %.1f bpm", a.source(),
                        a.confidence(), a.errorBpm()))
                .toList();
    }
}
