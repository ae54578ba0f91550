package io.rppg.adapter.signal.benchmark;

import io.rppg.adapter.signal.RppgSignalEngineAdapter;
import io.rppg.adapter.signal.SignalEngineConfig;
import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.FaceVideoTruth;
import io.rppg.adapter.signal.fixture.Scene;
import io.rppg.adapter.signal.fixture.Scene.ExposureStep;
import io.rppg.adapter.signal.fixture.Scene.HandPass;
import io.rppg.adapter.signal.fixture.Scene.SecondFace;
import io.rppg.adapter.signal.fixture.Scene.ShadedCheek;
import io.rppg.adapter.signal.fixture.SkinTone;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.Vitals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hard cases of real recordings, grouped in families, each read by the default method: tilted, turned and
 * small faces, another person in view, a hand crossing the face, exposure and white-balance steps, a dim noisy
 * room, a small heavily (and a small leanly) compressed picture, portrait video stored turned, 15, 60 and
 * uneven frame rates, and a cheek in shadow under blotchy camera noise while the rest of the face is clean.
 * Prints per family the HR MAE, the share within 3 bpm and the RR MAE, and hands every answer on for the
 * calibration table; then the heavily compressed faces without a pulse, and how many gave a confident rate.
 */
final class SceneFamilies {

    /** One rendered case. */
    record Case(String family, FaceVideoSpec spec, Scene scene) {
    }

    /** One answer: the truth and what was read, or a failure. */
    record Answer(String family, double truthBpm, double bpm, double confidence, double rrError, String detail,
                  boolean doubted) {

        boolean failed() {
            return Double.isNaN(bpm);
        }

        double error() {
            return Math.abs(bpm - truthBpm);
        }
    }

    private SceneFamilies() {
    }

    static List<Case> cases(long seed) {
        FaceVideoSpec base = FaceVideoSpec.defaults().withSeconds(20).withSize(480, 360).withMotion(0.03);
        Scene calm = Scene.calm();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("poses", base.withRoll(40).withHeartRate(64).withSeed(seed), calm));
        cases.add(new Case("poses", base.withRoll(-30).withYaw(25).withHeartRate(88).withTone(SkinTone.BROWN)
                .withSeed(seed + 1), calm));
        cases.add(new Case("poses", base.withYaw(-45).withHeartRate(75).withSeed(seed + 2), calm));
        cases.add(new Case("poses", base.withSize(640, 480).withFaceSize(90.0 / 480).withHeartRate(70)
                .withSeed(seed + 3), calm));
        cases.add(new Case("second face", base.withFaceSize(0.3).withHeartRate(66).withSeed(seed + 4),
                calm.withSecondFace(new SecondFace(0.36, 0.83, 0.45, 112, 4, 16))));
        cases.add(new Case("second face", base.withFaceSize(0.3).withHeartRate(82).withSeed(seed + 5),
                calm.withSecondFace(new SecondFace(0.34, 0.15, 0.45, 58, 0, 20))));
        cases.add(new Case("hand", base.withHeartRate(84).withSeed(seed + 6), calm.withHand(new HandPass(5, 7))));
        cases.add(new Case("hand", base.withHeartRate(61).withTone(SkinTone.LIGHT).withSeed(seed + 7),
                calm.withHand(new HandPass(12, 13.5))));
        cases.add(new Case("exposure steps", base.withHeartRate(70).withSeed(seed + 8),
                calm.withExposureSteps(ExposureStep.exposure(5, 1.15), new ExposureStep(12, 1.05, 1.0, 0.92))));
        cases.add(new Case("exposure steps", base.withHeartRate(95).withTone(SkinTone.OLIVE).withSeed(seed + 9),
                calm.withExposureSteps(ExposureStep.exposure(4, 0.85), ExposureStep.exposure(9, 1.2),
                        ExposureStep.exposure(15, 0.9))));
        cases.add(new Case("dim room", base.withHeartRate(76).withBrightness(0.35).withNoise(5)
                .withTone(SkinTone.OLIVE).withSeed(seed + 10), calm));
        cases.add(new Case("dim room", base.withHeartRate(58).withBrightness(0.5).withNoise(4)
                .withTone(SkinTone.DARK).withSeed(seed + 11), calm));
        cases.add(new Case("360p coarse", base.withSize(640, 360).withHeartRate(92)
                .in(VideoContainer.MP4_MPEG4_COARSE).withSeed(seed + 12), calm));
        cases.add(new Case("360p coarse", base.withSize(640, 360).withHeartRate(68).withTone(SkinTone.BROWN)
                .in(VideoContainer.MP4_MPEG4_COARSE).withSeed(seed + 13), calm));
        for (int k = 0; k < MORE_COARSE_FACES; k++) {
            cases.add(new Case("360p coarse", coarseFace(base, seed, k), calm));
        }
        // The same two faces at a quantiser whose inter-coded pictures still carry the pulse.
        cases.add(new Case("360p lean", base.withSize(640, 360).withHeartRate(92)
                .in(VideoContainer.MP4_MPEG4_LEAN).withSeed(seed + 12), calm));
        cases.add(new Case("360p lean", base.withSize(640, 360).withHeartRate(68).withTone(SkinTone.BROWN)
                .in(VideoContainer.MP4_MPEG4_LEAN).withSeed(seed + 13), calm));
        cases.add(new Case("portrait turned", base.withSize(360, 640).withRoll(15).turnedBy(90).withHeartRate(80)
                .withSeed(seed + 14), calm));
        cases.add(new Case("portrait turned", base.withSize(360, 640).turnedBy(270).withHeartRate(104)
                .withSeed(seed + 15), calm));
        cases.add(new Case("frame rates", base.withFps(15).withHeartRate(72).withSeed(seed + 16), calm));
        cases.add(new Case("frame rates", base.withFps(60).withSeconds(15).withHeartRate(120).withSeed(seed + 17),
                calm));
        cases.add(new Case("frame rates", base.withHeartRate(67).withSeed(seed + 18), calm.withVariableFrameRate()));
        cases.add(new Case("shaded cheek", base.withHeartRate(79).withSeed(seed + 19),
                calm.withShadedCheek(new ShadedCheek(0.4, 12, 4))));
        cases.add(new Case("shaded cheek", base.withHeartRate(101).withTone(SkinTone.BROWN).withSeed(seed + 20),
                calm.withShadedCheek(new ShadedCheek(0.45, 25, 4))));
        return cases;
    }

    /**
     * Ten more faces at the coarse quantiser, 55 to 118 bpm in steps of 7, in three skin tones, swaying as every
     * generated face does: how often the pulse such a picture keeps is read, and, rendered again without a pulse
     * ({@link #pulseless}), that the head's sway the codec carries into the colour is never taken for one.
     */
    private static final int MORE_COARSE_FACES = 10;
    private static final SkinTone[] COARSE_TONES = {SkinTone.LIGHT, SkinTone.BROWN, SkinTone.OLIVE};

    private static FaceVideoSpec coarseFace(FaceVideoSpec base, long seed, int k) {
        return base.withSize(640, 360).withHeartRate(55 + 7 * k).withTone(COARSE_TONES[k % COARSE_TONES.length])
                .in(VideoContainer.MP4_MPEG4_COARSE).withSeed(seed + 200 + k);
    }

    /**
     * The ten coarse faces once more, each without a pulse and otherwise the same (the seed draws the same sway, noise
     * and breathing): none may give a confident heart rate.
     */
    static List<Case> pulseless(long seed) {
        FaceVideoSpec base = FaceVideoSpec.defaults().withSeconds(20).withMotion(0.03);
        List<Case> cases = new ArrayList<>();
        for (int k = 0; k < MORE_COARSE_FACES; k++) {
            cases.add(new Case("360p coarse, no pulse", coarseFace(base, seed, k).withPulseStrength(0), Scene.calm()));
        }
        return cases;
    }

    /** Each family's HR MAE may not exceed this, besides every answer lying within 3 bpm. */
    static final double FAMILY_MAE_BOUND = 1.5;
    /**
     * The family whose picture keeps too little of the pulse to be read reliably: its answers must be right or say
     * they are in doubt, as {@code HardSceneTest} asks of it, rather than within 3 bpm. At mpeg4's quantiser 8 the
     * inter-coded pictures carry the skin over and code almost none of its sub-level pulse, and the intra-coded ones
     * sample it every 2 s: coded all-intra at that quantiser the same faces are read within 0.3 bpm, with a
     * refresh every 2 s the best method's SNR at the true rate is -3 to -5.5 dB while noise peaks elsewhere in the
     * band reach -3 to +1.5 dB. Of ten more such faces, two keep their pulse far below what the same picture shows
     * without one: on the colour the engine reads, the true rate's SNR is at most -8.6 and -7.6 dB with POS, CHROM
     * and green alike, while their pulseless twins' strongest peaks stand at +5.8 and -0.7 dB
     * ({@code CoarsePictureLimitTest}). The same faces at quantiser 4 ("360p lean") are held to 3 bpm.
     */
    static final String READ_OR_DOUBTED = "360p coarse";

    /**
     * Renders, analyses and prints the families; hands every answer to the calibration table and each family's
     * figures to the thresholds; returns every answer.
     */
    static List<Answer> run(Path dir, long seed, BenchmarkThresholds thresholds, Calibration calibration) {
        RppgSignalEngineAdapter engine = new RppgSignalEngineAdapter(SignalEngineConfig.defaults());
        List<Answer> answers = new ArrayList<>();
        for (Case c : cases(seed)) {
            Path file = dir.resolve("scene-" + c.spec().seed() + "." + c.spec().container().extension());
            FaceVideoTruth truth = FaceVideoGenerator.render(c.spec(), c.scene(), file);
            AnalysisOutcome outcome = engine.analyze(file);
            Answer answer = answer(c.family(), truth, outcome);
            answers.add(answer);
            if (!answer.failed()) {
                calibration.add("scene " + c.family() + " " + c.spec().seed(), answer.confidence(), answer.error());
            }
            file.toFile().delete();
        }
        print(answers);
        noPulse(dir, seed, engine, thresholds);
        Map<String, List<Answer>> byFamily = byFamily(answers);
        byFamily.forEach((family, list) -> {
            List<Answer> read = list.stream().filter(a -> !a.failed()).toList();
            if (family.equals(READ_OR_DOUBTED)) {
                // Held to what HardSceneTest holds it to: each rate within 3 bpm, or below a confident one's
                // confidence with the reason; never confidently wrong.
                thresholds.readOrDoubted("scene " + family, (int) read.stream()
                        .filter(a -> a.error() <= 3 || a.doubted()).count(), list.size());
                return;
            }
            thresholds.family("scene " + family, read.stream().mapToDouble(Answer::error).average().orElse(0),
                    (int) read.stream().filter(a -> a.error() <= 3).count(), read.size(), list.size(),
                    FAMILY_MAE_BOUND);
        });
        return answers;
    }

    private static void noPulse(Path dir, long seed, RppgSignalEngineAdapter engine, BenchmarkThresholds thresholds) {
        List<Case> cases = pulseless(seed);
        System.out.println("== hard scenes without a pulse (confident = confidence >= " + PulseFamilies.CONFIDENT + ")");
        int confident = 0;
        for (Case c : cases) {
            Path file = dir.resolve("scene-" + c.spec().seed() + "." + c.spec().container().extension());
            FaceVideoGenerator.render(c.spec(), c.scene(), file);
            AnalysisOutcome outcome = engine.analyze(file);
            file.toFile().delete();
            boolean sure = outcome instanceof AnalysisOutcome.Measured(Vitals v)
                    && v.confidence().value() >= PulseFamilies.CONFIDENT;
            confident += sure ? 1 : 0;
            System.out.printf(Locale.ROOT, "  %-22s -> %s%n", c.family(), EngineBenchmark.brief(outcome));
        }
        String family = cases.getFirst().family();
        System.out.printf(Locale.ROOT, "%-22s confident heart rates %d of %d%n", family, confident, cases.size());
        thresholds.noPulse("scene " + family, confident, cases.size());
    }

    private static Answer answer(String family, FaceVideoTruth truth, AnalysisOutcome outcome) {
        return switch (outcome) {
            case AnalysisOutcome.Measured(Vitals v) -> new Answer(family, truth.heartRateBpm(),
                    v.heartRate().beatsPerMinute(), v.confidence().value(),
                    v.respiratoryRate().value().map(rr -> Math.abs(rr.breathsPerMinute() - truth.breathsPerMinute()))
                            .orElse(Double.NaN),
                    String.format(Locale.ROOT, "HR %5.1f conf %.2f %s%s", v.heartRate().beatsPerMinute(),
                            v.confidence().value(), v.method(), v.heartRateDoubt() == null ? "" : " (doubted)"),
                    v.heartRateDoubt() != null && v.confidence().value() < PulseFamilies.CONFIDENT);
            case AnalysisOutcome.Unusable unusable -> new Answer(family, truth.heartRateBpm(), Double.NaN, 0,
                    Double.NaN, unusable.failure().code() + ": " + unusable.failure().message(), false);
        };
    }

    private static void print(List<Answer> answers) {
        System.out.println("== hard scenes: 20 s (15 s at 60 fps) at 480x360 unless named, read with auto");
        Map<String, List<Answer>> byFamily = byFamily(answers);
        for (Answer a : answers) {
            System.out.printf(Locale.ROOT, "  %-16s truth HR %5.1f -> %s%n", a.family(), a.truthBpm(), a.detail());
        }
        System.out.println("family            n  HR-MAE  within-3  RR-MAE  failed");
        byFamily.forEach((family, list) -> printRow(family, list));
        printRow("all", answers);
    }

    private static Map<String, List<Answer>> byFamily(List<Answer> answers) {
        Map<String, List<Answer>> byFamily = new LinkedHashMap<>();
        answers.forEach(a -> byFamily.computeIfAbsent(a.family(), f -> new ArrayList<>()).add(a));
        return byFamily;
    }

    private static void printRow(String family, List<Answer> list) {
        List<Answer> read = list.stream().filter(a -> !a.failed()).toList();
        double mae = read.stream().mapToDouble(Answer::error).average().orElse(Double.NaN);
        long within = read.stream().filter(a -> a.error() <= 3).count();
        double rr = read.stream().mapToDouble(Answer::rrError).filter(e -> !Double.isNaN(e)).average()
                .orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "%-16s %2d  %6.2f  %7.0f%%  %6.2f  %d%n", family, list.size(), mae,
                100.0 * within / list.size(), rr, list.size() - read.size());
    }
}
