package io.rppg.adapter.signal.cli;

import io.rppg.application.picture.ScanReportDrawing;
import io.rppg.application.picture.SvgPicture;
import io.rppg.domain.vitals.AnalysisOutcome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** {@code analyze --plot DIR}: each analysed file's picture, drawn as the v1 API's {@code report.svg}. */
final class Plots {

    private Plots() {
    }

    /** Whether the directory exists or could be made; says why not otherwise. */
    static boolean usable(Path directory, PrintStream err) {
        try {
            Files.createDirectories(directory);
            return true;
        } catch (IOException e) {
            err.println("--plot needs a directory it can write to: " + directory + " (" + e.getMessage() + ")");
            return false;
        }
    }

    /** Writes {@code DIR/<file name>.svg}; false, with the reason on {@code err}, when it could not. */
    static boolean write(Path directory, Path file, AnalysisOutcome outcome, PrintStream err) {
        String title = file.getFileName().toString();
        String subtitle = "analysed " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var picture = switch (outcome) {
            case AnalysisOutcome.Measured(var vitals) -> ScanReportDrawing.measured(title, subtitle, vitals);
            case AnalysisOutcome.Unusable(var failure) -> ScanReportDrawing.failed(title, subtitle, failure);
        };
        Path target = directory.resolve(title + ".svg");
        try {
            Files.writeString(target, SvgPicture.render(picture), StandardCharsets.UTF_8);
            err.println("picture: " + target);
            return true;
        } catch (IOException e) {
            err.println("could not write " + target + ": " + e.getMessage());
            return false;
        }
    }
}
