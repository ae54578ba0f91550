package io.rppg.adapter.signal.benchmark;

import io.rppg.adapter.signal.RppgSignalEngineAdapter;
import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.HeartScenario;
import io.rppg.adapter.signal.fixture.HeartTruth;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.Vitals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's cases about where the pulse is: faces without a pulse (with and without breathing, and under a
 * lamp pulsing at heart-like rates), slow and fast hearts, rates that fall while a person recovers, and irregular
 * rhythms, analysed with the default method. Prints per family the HR MAE and the share within 3 bpm, and for the
 * cases without a pulse how many still gave a confident heart rate.
 */
final class PulseFamilies {

    /** A heart rate reported with at least this confidence is a confident one. */
    static final double CONFIDENT = 0.3;
    private static final double FAMILY_MAE_BOUND = 1.5;

    private record Case(String family, FaceVideoSpec spec, HeartScenario heart) {
    }

    private PulseFamilies() {
    }

    static void run(Path dir, VideoContainer container, BenchmarkThresholds thresholds, Calibration calibration) {
        FaceVideoSpec face = FaceVideoSpec.defaults().withSeconds(20).in(container);
        List<Case> noPulse = List.of(
                new Case("no pulse", face.withPulseStrength(0).withBreathing(0).withSeed(61), HeartScenario.steady()),
                new Case("no pulse", face.withPulseStrength(0).withBreathing(13).withSeed(62), HeartScenario.steady()),
                new Case("no pulse", face.withPulseStrength(0).withBreathing(17).withMotion(0.03).withSeed(63),
                        HeartScenario.steady()),
                new Case("no pulse, lamp", face.withPulseStrength(0).withBreathing(0).withSeed(64),
                        HeartScenario.steady().underLamp(0.01, 72)),
                new Case("no pulse, lamp", face.withPulseStrength(0).withBreathing(15).withSeed(65),
                        HeartScenario.steady().underLamp(0.005, 96)));
        List<Case> pulses = List.of(
                new Case("42 and 165 bpm", face.withHeartRate(42).withBreathing(8).withSdnn(60).withSeed(66),
                        HeartScenario.steady()),
                new Case("42 and 165 bpm", face.withHeartRate(165).withBreathing(20).withSdnn(10).withSeed(67),
                        HeartScenario.steady()),
                new Case("ramp 118 to 84", face.withSeconds(30).withHeartRate(118).withBreathing(20).withSdnn(15)
                        .withSeed(68), HeartScenario.steady().rampingTo(84)),
                new Case("ramp 118 to 84", face.withSeconds(30).withHeartRate(118).withBreathing(14).withSdnn(15)
                        .withTone(io.rppg.adapter.signal.fixture.SkinTone.OLIVE).withSeed(69),
                        HeartScenario.steady().rampingTo(84)),
                new Case("irregular", face.withSeconds(30).withHeartRate(85).withSeed(70),
                        HeartScenario.steady().irregularWithSdnn(150)),
                new Case("irregular", face.withSeconds(30).withHeartRate(70).withBreathing(12).withSeed(71),
                        HeartScenario.steady().irregularWithSdnn(130)));
        RppgSignalEngineAdapter engine = RppgSignalEngineAdapter.withMethod("auto");
        System.out.println("== " + container + ": cases without a pulse (confident = confidence >= " + CONFIDENT + ")");
        for (String family : List.of("no pulse", "no pulse, lamp")) {
            int confident = 0, cases = 0;
            for (Case c : noPulse.stream().filter(c -> c.family().equals(family)).toList()) {
                AnalysisOutcome outcome = analyse(dir, c, engine).outcome();
                cases++;
                boolean sure = outcome instanceof AnalysisOutcome.Measured(Vitals v)
                        && v.confidence().value() >= CONFIDENT;
                confident += sure ? 1 : 0;
                System.out.printf(Locale.ROOT, "  %-15s breathing %4.1f -> %s%n", family, c.spec().breathsPerMinute(),
                        EngineBenchmark.brief(outcome));
            }
            System.out.printf(Locale.ROOT, "%-15s confident heart rates %d of %d%n", family, confident, cases);
            thresholds.noPulse(container + "/" + family, confident, cases);
        }
        System.out.println("== " + container + ": pulse cases, family  HR-MAE  within-3-bpm");
        for (String family : List.of("42 and 165 bpm", "ramp 118 to 84", "irregular")) {
            double abs = 0;
            int answered = 0, within3 = 0, cases = 0;
            for (Case c : pulses.stream().filter(c -> c.family().equals(family)).toList()) {
                Result result = analyse(dir, c, engine);
                cases++;
                System.out.printf(Locale.ROOT, "  %-15s truth HR %5.1f SDNN %5.1f -> %s%n", family,
                        result.truth().clip().heartRateBpm(), result.truth().clip().sdnnMs(),
                        EngineBenchmark.brief(result.outcome()) + rhythm(result.outcome()));
                if (result.outcome() instanceof AnalysisOutcome.Measured(Vitals v)) {
                    double error = v.heartRate().beatsPerMinute() - result.truth().clip().heartRateBpm();
                    abs += Math.abs(error);
                    answered++;
                    within3 += Math.abs(error) <= 3 ? 1 : 0;
                    calibration.add(container + "/" + family + " seed " + c.spec().seed(), v.confidence().value(),
                            error);
                }
            }
            double mae = answered == 0 ? Double.NaN : abs / answered;
            System.out.printf(Locale.ROOT, "%-15s %6.2f  %d of %d%n", family, mae, within3, cases);
            thresholds.family(container + "/" + family, mae, within3, answered, cases, FAMILY_MAE_BOUND);
        }
    }

    private record Result(HeartTruth truth, AnalysisOutcome outcome) {
    }

    private static Result analyse(Path dir, Case c, RppgSignalEngineAdapter engine) {
        Path file = dir.resolve("family-" + c.spec().seed() + "." + c.spec().container().extension());
        HeartTruth truth = FaceVideoGenerator.render(c.spec(), c.heart(), file);
        AnalysisOutcome outcome = engine.analyze(file);
        file.toFile().delete();
        return new Result(truth, outcome);
    }

    private static String rhythm(AnalysisOutcome outcome) {
        return outcome instanceof AnalysisOutcome.Measured(Vitals v) ? " rhythm " + v.rhythm() : "";
    }
}
