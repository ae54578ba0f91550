package io.rppg.adapter.signal.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/** The hard-scene families alone: {@code -Dtest=SceneBenchmark} with the benchmark profile. */
@Tag("benchmark")
class SceneBenchmark {

    @Test
    void printFigures() throws Exception {
        Path dir = Files.createTempDirectory("rppg-scenes");
        SceneFamilies.run(dir, Long.getLong("benchmark.seed", BenchmarkThresholds.MEASURED_SEED));
    }
}
