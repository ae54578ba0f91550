package io.rppg.adapter.signal.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hard-scene families alone, with their calibration table: {@code -Dtest=SceneBenchmark} with the benchmark
 * profile. {@link EngineBenchmark} runs them too, among everything else.
 */
@Tag("benchmark")
class SceneBenchmark {

    @Test
    void printFigures() throws Exception {
        Path dir = Files.createTempDirectory("rppg-scenes");
        BenchmarkThresholds thresholds = new BenchmarkThresholds();
        Calibration calibration = new Calibration();
        SceneFamilies.run(dir, Long.getLong("benchmark.seed", BenchmarkThresholds.MEASURED_SEED), thresholds,
                calibration);
        calibration.print();
        thresholds.calibration(calibration);
        thresholds.verdict();
    }
}
