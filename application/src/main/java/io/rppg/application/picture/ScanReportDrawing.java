package io.rppg.application.picture;

import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.HeartRatePoint;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.PulseSpectrum;
import io.rppg.domain.vitals.PulseWaveform;
import io.rppg.domain.vitals.Vitals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out the picture of one scan: the headline figures (heart rate, breathing, HRV, confidence, signal quality),
 * the pulse waveform with its beats marked, the spectrum with the peak taken as the heart rate, the heart rate over
 * time, and a line for every figure that is missing and why. A failed scan's picture says why it failed.
 */
public final class ScanReportDrawing {

    public static final int WIDTH = 960;
    private static final double LEFT = 60;
    private static final double RIGHT = WIDTH - 40;
    /** Roughly how wide a character of the sans-serif font is, as a share of its size, to wrap long lines. */
    private static final double CHARACTER_WIDTH = 0.55;

    private final List<Mark> marks = new ArrayList<>();

    private ScanReportDrawing() {
    }

    /**
     * The picture of a finished session.
     *
     * @throws IllegalArgumentException when the session is neither completed nor failed: it has nothing to draw yet
     */
    public static ScanPicture of(ScanSession session) {
        String title = "Scan " + session.id().value();
        String finished = session.finishedAt() == null ? ""
                : "finished " + session.finishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return switch (session.status()) {
            case COMPLETED -> measured(title, finished, session.vitals());
            case FAILED -> failed(title, finished, session.failure());
            case PENDING, PROCESSING, EXPIRED -> throw new IllegalArgumentException(
                    "a " + session.status() + " session has nothing to draw yet");
        };
    }

    public static ScanPicture measured(String title, String subtitle, Vitals vitals) {
        var drawing = new ScanReportDrawing();
        drawing.heading(title, subtitle);
        drawing.figures(vitals);
        drawing.waveform(vitals.waveform());
        drawing.spectrum(vitals.spectrum());
        drawing.series(vitals.heartRateSeries());
        double bottom = drawing.notes(notes(vitals), 662);
        return new ScanPicture(WIDTH, (int) Math.ceil(bottom + 20), title, drawing.marks);
    }

    public static ScanPicture failed(String title, String subtitle, AnalysisFailure failure) {
        var drawing = new ScanReportDrawing();
        drawing.heading(title, subtitle);
        drawing.label(LEFT, 104, "Scan failed", 26, Mark.Anchor.START, true, Ink.FAILURE, "failure");
        drawing.label(LEFT, 130, failure.code().name(), 14, Mark.Anchor.START, false, Ink.MUTED, "failure-code");
        double y = 164;
        for (String line : wrap(failure.message(), 18, RIGHT - LEFT)) {
            drawing.label(LEFT, y, line, 18, Mark.Anchor.START, false, Ink.TEXT, "failure-reason");
            y += 26;
        }
        int height = (int) Math.ceil(y + 10);
        // Behind the words, in front of the background.
        drawing.marks.add(1, new Mark.Box(20, 66, WIDTH - 40, height - 76, null, Ink.FAILURE, "failure-frame"));
        return new ScanPicture(WIDTH, height, title, drawing.marks);
    }

    private void heading(String title, String subtitle) {
        // Taller than any picture: the page is white whatever its height turns out to be.
        marks.add(new Mark.Box(0, 0, WIDTH, 4000, Ink.PAPER, null, "background"));
        label(LEFT - 20, 34, title, 18, Mark.Anchor.START, true, Ink.TEXT, "title");
        label(RIGHT, 34, subtitle, 12, Mark.Anchor.END, false, Ink.MUTED, "subtitle");
    }

    private void figures(Vitals vitals) {
        double column = (RIGHT - LEFT + 20) / 5;
        var hrv = vitals.heartRateVariability().value();
        var stability = vitals.signalQuality().stabilityMeasurement().value();
        figure(0, column, "Heart rate", String.format(Locale.ROOT, "%.1f bpm",
                VitalsReport.round(vitals.heartRate().beatsPerMinute(), 1)), "rhythm " + lower(vitals.rhythm().name()),
                "heart-rate");
        figure(1, column, "Breathing", vitals.respiratoryRate().value()
                        .map(r -> String.format(Locale.ROOT, "%.1f /min", VitalsReport.round(r.breathsPerMinute(), 1)))
                        .orElse("n/a"), vitals.respiratoryRate().value().isPresent() ? "breaths a minute"
                        : "not measured", "respiratory-rate");
        figure(2, column, "HRV (SDNN)", hrv.map(h -> String.format(Locale.ROOT, "%.1f ms",
                        VitalsReport.round(h.sdnnMs(), 1))).orElse("n/a"),
                hrv.map(ScanReportDrawing::hrvDetail).orElse("not measured"), "hrv");
        figure(3, column, "Confidence", String.format(Locale.ROOT, "%.2f",
                VitalsReport.round(vitals.confidence().value(), 2)), "0 to 1", "confidence");
        figure(4, column, "Signal quality", String.format(Locale.ROOT, "%.1f dB",
                        VitalsReport.round(vitals.signalQuality().snrDb(), 1)),
                "SNR; stability " + stability.map(s -> String.format(Locale.ROOT, "%.2f", s)).orElse("n/a"),
                "signal-quality");
        label(LEFT - 8 + 4 * column, 152, String.format(Locale.ROOT, "periodicity %.2f",
                vitals.signalQuality().periodicity()), 11, Mark.Anchor.START, false, Ink.MUTED,
                "signal-quality-detail");
    }

    private static String hrvDetail(HeartRateVariability hrv) {
        return String.format(Locale.ROOT, "RMSSD %.1f ms, %d beats", hrv.rmssdMs(), hrv.beats());
    }

    private void figure(int index, double column, String caption, String value, String detail, String role) {
        double x = LEFT - 20 + index * column;
        marks.add(new Mark.Box(x, 56, column - 12, 106, null, Ink.GRID, "figure"));
        label(x + 12, 80, caption, 13, Mark.Anchor.START, false, Ink.MUTED, role + "-caption");
        label(x + 12, 114, value, 26, Mark.Anchor.START, true, Ink.TEXT, role);
        label(x + 12, 138, detail, 11, Mark.Anchor.START, false, Ink.MUTED, role + "-detail");
    }

    private void waveform(PulseWaveform waveform) {
        var frame = new Frame(LEFT, 200, RIGHT - LEFT, 170);
        if (waveform == null || waveform.values().size() < 2) {
            panelTitle(frame, "Pulse waveform");
            frame.outline(marks);
            missing(frame, "The waveform was not kept for this scan");
            return;
        }
        panelTitle(frame, String.format(Locale.ROOT, "Pulse waveform, %d beats marked",
                waveform.beatSeconds().size()));
        var scaled = frame.scaled(0, waveform.seconds(), -1.1, 1.1);
        scaled.outline(marks);
        scaled.xTicks(marks, step(waveform.seconds(), 8), "%.0f s");
        List<Mark.Point> points = new ArrayList<>(waveform.values().size());
        for (int i = 0; i < waveform.values().size(); i++) {
            points.add(scaled.at(i / waveform.sampleRateHz(), waveform.values().get(i)));
        }
        marks.add(new Mark.Trace(points, Ink.PULSE, 1.4, "waveform"));
        for (double beat : waveform.beatSeconds()) {
            var at = scaled.at(beat, valueAt(waveform, beat));
            marks.add(new Mark.Dot(at.x(), at.y(), 3.5, Ink.BEAT, "beat"));
        }
    }

    /** The waveform between its samples, on a straight line. */
    private static double valueAt(PulseWaveform waveform, double seconds) {
        double index = seconds * waveform.sampleRateHz();
        int below = Math.max(0, Math.min(waveform.values().size() - 1, (int) Math.floor(index)));
        int above = Math.min(waveform.values().size() - 1, below + 1);
        double share = Math.max(0, Math.min(1, index - below));
        return waveform.values().get(below) * (1 - share) + waveform.values().get(above) * share;
    }

    private void spectrum(PulseSpectrum spectrum) {
        var frame = new Frame(LEFT, 440, 400, 170);
        if (spectrum == null) {
            panelTitle(frame, "Spectrum");
            frame.outline(marks);
            missing(frame, "The spectrum was not kept for this scan");
            return;
        }
        panelTitle(frame, "Spectrum of the pulse");
        var scaled = frame.scaled(spectrum.bpm().getFirst(), spectrum.bpm().getLast(), 0, 1.1);
        scaled.outline(marks);
        scaled.xTicks(marks, 30, "%.0f bpm");
        List<Mark.Point> points = new ArrayList<>(spectrum.bpm().size());
        for (int i = 0; i < spectrum.bpm().size(); i++) {
            points.add(scaled.at(spectrum.bpm().get(i), spectrum.power().get(i)));
        }
        marks.add(new Mark.Trace(points, Ink.SPECTRUM, 1.4, "spectrum"));
        var top = scaled.at(spectrum.peakBpm(), 1.1);
        var bottom = scaled.at(spectrum.peakBpm(), 0);
        marks.add(new Mark.Line(top.x(), top.y(), bottom.x(), bottom.y(), Ink.PEAK, 1.2, "peak"));
        boolean nearRightEdge = top.x() > frame.x + frame.width - 120;
        label(nearRightEdge ? top.x() - 6 : top.x() + 6, top.y() + 14,
                String.format(Locale.ROOT, "peak %.1f bpm", spectrum.peakBpm()), 12,
                nearRightEdge ? Mark.Anchor.END : Mark.Anchor.START, true, Ink.PEAK, "peak-label");
    }

    private void series(List<HeartRatePoint> series) {
        var frame = new Frame(RIGHT - 400, 440, 400, 170);
        panelTitle(frame, "Heart rate over time");
        if (series.isEmpty()) {
            frame.outline(marks);
            missing(frame, "No heart rate over time for this scan");
            return;
        }
        double low = series.stream().mapToDouble(HeartRatePoint::bpm).min().orElseThrow();
        double high = series.stream().mapToDouble(HeartRatePoint::bpm).max().orElseThrow();
        double from = Math.floor((low - 5) / 10) * 10;
        double to = Math.ceil((high + 5) / 10) * 10;
        double first = series.getFirst().seconds();
        double last = Math.max(series.getLast().seconds(), first + 1);
        var scaled = frame.scaled(first - 0.5, last + 0.5, from, to);
        scaled.outline(marks);
        scaled.xTicks(marks, step(last - first, 6), "%.0f s");
        scaled.yTicks(marks, to - from > 40 ? 20 : 10, "%.0f");
        List<Mark.Point> points = new ArrayList<>(series.size());
        for (HeartRatePoint p : series) {
            points.add(scaled.at(p.seconds(), p.bpm()));
        }
        marks.add(new Mark.Trace(points, Ink.SERIES, 1.6, "heart-rate-series"));
        for (HeartRatePoint p : series) {
            var at = scaled.at(p.seconds(), p.bpm());
            // A window whose own pulse was unclear is drawn faint: its rate is a guess.
            marks.add(new Mark.Dot(at.x(), at.y(), 2.5, p.confidence() >= 0.5 ? Ink.SERIES : Ink.MUTED,
                    "series-point"));
        }
    }

    /** What the figures rest on, and every missing one with its reason. */
    private static List<String> notes(Vitals vitals) {
        var notes = new ArrayList<String>();
        notes.add(String.format(Locale.ROOT, "Method %s, %.1f s of face in %d frames.", vitals.method(),
                vitals.analysedSeconds(), vitals.framesAnalysed()));
        if (vitals.heartRateDoubt() != null) {
            notes.add("Heart rate in doubt: " + vitals.heartRateDoubt());
        }
        vitals.respiratoryRate().reasonMissing().ifPresent(reason -> notes.add("Breathing not measured: " + reason));
        vitals.heartRateVariability().reasonMissing().ifPresent(reason -> notes.add("HRV not measured: " + reason));
        vitals.signalQuality().stabilityMeasurement().reasonMissing()
                .ifPresent(reason -> notes.add("Stability not measured: " + reason));
        notes.add("Blood pressure and SpO2: " + Vitals.NOT_MEASURABLE_FROM_VIDEO.toLowerCase(Locale.ROOT) + ".");
        return notes;
    }

    private double notes(List<String> notes, double top) {
        double y = top;
        for (String note : notes) {
            for (String line : wrap(note, 12, RIGHT - LEFT + 20)) {
                label(LEFT - 20, y, line, 12, Mark.Anchor.START, false, Ink.MUTED, "note");
                y += 17;
            }
        }
        return y;
    }

    private void panelTitle(Frame frame, String text) {
        label(frame.x, frame.y - 10, text, 14, Mark.Anchor.START, true, Ink.TEXT, "panel-title");
    }

    private void missing(Frame frame, String text) {
        label(frame.x + frame.width / 2, frame.y + frame.height / 2, text, 13, Mark.Anchor.MIDDLE, false, Ink.MUTED,
                "missing");
    }

    private void label(double x, double y, String text, double size, Mark.Anchor anchor, boolean bold, Ink ink,
                       String role) {
        marks.add(new Mark.Label(x, y, text, size, anchor, bold, ink, role));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A round tick step giving about {@code ticks} ticks over the span. */
    private static double step(double span, int ticks) {
        double raw = Math.max(span, 1e-9) / ticks;
        for (double candidate : new double[]{1, 2, 5, 10, 15, 20, 30, 60, 120}) {
            if (candidate >= raw) {
                return candidate;
            }
        }
        return 300;
    }

    /** Greedy word wrap to the width a line of this font size may take; words are never split or reordered. */
    static List<String> wrap(String text, double size, double width) {
        int perLine = Math.max(10, (int) (width / (size * CHARACTER_WIDTH)));
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A panel's rectangle on the picture and, once scaled, the data ranges its sides stand for. */
    private static final class Frame {
        final double x, y, width, height;
        final double fromX, toX, fromY, toY;

        Frame(double x, double y, double width, double height) {
            this(x, y, width, height, 0, 1, 0, 1);
        }

        private Frame(double x, double y, double width, double height, double fromX, double toX, double fromY,
                      double toY) {
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
            this.fromX = fromX;
            this.toX = toX > fromX ? toX : fromX + 1;
            this.fromY = fromY;
            this.toY = toY > fromY ? toY : fromY + 1;
        }

        Frame scaled(double fromX, double toX, double fromY, double toY) {
            return new Frame(x, y, width, height, fromX, toX, fromY, toY);
        }

        Mark.Point at(double dataX, double dataY) {
            return new Mark.Point(x + (dataX - fromX) / (toX - fromX) * width,
                    y + height - (dataY - fromY) / (toY - fromY) * height);
        }

        void outline(List<Mark> marks) {
            marks.add(new Mark.Box(x, y, width, height, null, Ink.GRID, "axis"));
        }

        void xTicks(List<Mark> marks, double step, String format) {
            for (double v = Math.ceil(fromX / step) * step; v <= toX + 1e-9; v += step) {
                double px = at(v, fromY).x();
                marks.add(new Mark.Line(px, y, px, y + height, Ink.GRID, 0.6, "grid"));
                marks.add(new Mark.Label(px, y + height + 16, String.format(Locale.ROOT, format, v), 11,
                        Mark.Anchor.MIDDLE, false, Ink.MUTED, "tick-label"));
            }
        }

        void yTicks(List<Mark> marks, double step, String format) {
            for (double v = Math.ceil(fromY / step) * step; v <= toY + 1e-9; v += step) {
                double py = at(fromX, v).y();
                marks.add(new Mark.Line(x, py, x + width, py, Ink.GRID, 0.6, "grid"));
                marks.add(new Mark.Label(x - 6, py + 4, String.format(Locale.ROOT, format, v), 11,
                        Mark.Anchor.END, false, Ink.MUTED, "tick-label"));
            }
        }
    }
}
