package io.rppg.adapter.signal;

import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.Vitals;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace-to-vitals part of the engine on real recordings: 21 fingertip-camera PPG traces of the Welltory
 * dataset (CC0, in the test resources with its licence), each recorded beside a Polar H10 chest strap whose RR
 * intervals are the truth. Heart rate is compared with 60 000 over the strap's mean interval, SDNN and RMSSD with the
 * strap's intervals as they come.
 */
class WelltoryRecordingsTest {

    private static final int RECORDINGS = 21;

    @Test
    void heartRateAndVariabilityAgreeWithTheChestStrap() throws IOException {
        ColourTraceAnalyzer analyzer = ColourTraceAnalyzer.ofFingertip();
        double hrAbs = 0, sdnnAbs = 0, rmssdAbs = 0;
        int hrN = 0, hrvN = 0, within3 = 0, failed = 0;
        System.out.println("recording  strap HR  SDNN  RMSSD | engine HR  SDNN  RMSSD  conf  rhythm");
        for (int i = 1; i <= RECORDINGS; i++) {
            String name = String.format(Locale.ROOT, "subject_%02d", i);
            double[][] trace = trace(name);
            double[] rr = intervals(name);
            double strapHr = 60_000 / Arrays.stream(rr).average().orElseThrow();
            double strapSdnn = sdnn(rr);
            double strapRmssd = rmssd(rr);
            AnalysisOutcome outcome = analyzer.analyze(trace[0], trace[1], trace[2], trace[3]);
            if (!(outcome instanceof AnalysisOutcome.Measured(Vitals v))) {
                failed++;
                System.out.printf(Locale.ROOT, "%s  %6.1f %6.1f %6.1f | %s%n", name, strapHr, strapSdnn, strapRmssd,
                        outcome);
                continue;
            }
            double error = v.heartRate().beatsPerMinute() - strapHr;
            hrAbs += Math.abs(error);
            hrN++;
            within3 += Math.abs(error) <= 3 ? 1 : 0;
            var hrv = v.heartRateVariability().value();
            if (hrv.isPresent()) {
                sdnnAbs += Math.abs(hrv.get().sdnnMs() - strapSdnn);
                rmssdAbs += Math.abs(hrv.get().rmssdMs() - strapRmssd);
                hrvN++;
            }
            System.out.printf(Locale.ROOT, "%s  %6.1f %6.1f %6.1f | %6.1f %6s %6s  %.2f  %s%n", name, strapHr,
                    strapSdnn, strapRmssd, v.heartRate().beatsPerMinute(),
                    hrv.map(h -> String.format(Locale.ROOT, "%.1f", h.sdnnMs())).orElse("-"),
                    hrv.map(h -> String.format(Locale.ROOT, "%.1f", h.rmssdMs())).orElse("-"),
                    v.confidence().value(), v.rhythm());
        }
        System.out.printf(Locale.ROOT, "welltory: HR MAE %.2f bpm over %d of %d, %d within 3 bpm; SDNN MAE %.1f ms, "
                        + "RMSSD MAE %.1f ms over %d with HRV; %d failed%n", hrAbs / hrN, hrN, RECORDINGS, within3,
                sdnnAbs / Math.max(1, hrvN), rmssdAbs / Math.max(1, hrvN), hrvN, failed);
        assertThat(failed).isZero();
        assertThat(hrAbs / hrN).isLessThan(MAX_HR_MAE);
        assertThat(within3).isGreaterThanOrEqualTo(MIN_WITHIN_3_BPM);
    }

    /** Bounds a little beyond the figures measured when this test was written (see the README). */
    private static final double MAX_HR_MAE = 1.5;
    private static final int MIN_WITHIN_3_BPM = 17;

    /** time (s), R, G, B of one recording. */
    private static double[][] trace(String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = open(name + "/PPG.csv")) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split(",");
                if (fields.length == 4) {
                    rows.add(new double[]{Double.parseDouble(fields[0]) / 1000, Double.parseDouble(fields[1]),
                            Double.parseDouble(fields[2]), Double.parseDouble(fields[3])});
                }
            }
        }
        double[][] columns = new double[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 4; c++) {
                columns[c][i] = rows.get(i)[c];
            }
        }
        return columns;
    }

    private static double[] intervals(String name) throws IOException {
        try (BufferedReader reader = open(name + "/RR.txt")) {
            return Arrays.stream(reader.lines().reduce("", (a, b) -> a + " " + b).trim().split("\\s+"))
                    .mapToDouble(Double::parseDouble).toArray();
        }
    }

    private static BufferedReader open(String path) {
        InputStream in = WelltoryRecordingsTest.class.getResourceAsStream("/welltory/" + path);
        assertThat(in).as("test resource welltory/" + path).isNotNull();
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    }

    private static double sdnn(double[] rr) {
        double mean = Arrays.stream(rr).average().orElseThrow();
        return Math.sqrt(Arrays.stream(rr).map(x -> (x - mean) * (x - mean)).sum() / (rr.length - 1));
    }

    private static double rmssd(double[] rr) {
        double sum = 0;
        for (int i = 1; i < rr.length; i++) {
            sum += (rr[i] - rr[i - 1]) * (rr[i] - rr[i - 1]);
        }
        return Math.sqrt(sum / (rr.length - 1));
    }
}
