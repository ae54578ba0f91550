package io.rppg.application.picture;

import java.util.Locale;

/** A {@link ScanPicture} as SVG text, each mark an element whose class is its role. */
public final class SvgPicture {

    private static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

    private SvgPicture() {
    }

    public static String render(ScanPicture picture) {
        var svg = new StringBuilder(64 * 1024);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(picture.width())
                .append("\" height=\"").append(picture.height()).append("\" viewBox=\"0 0 ").append(picture.width())
                .append(' ').append(picture.height()).append("\" font-family=\"").append(FONT).append("\">\n");
        svg.append("<title>").append(escape(picture.title())).append("</title>\n");
        for (Mark mark : picture.marks()) {
            svg.append(element(mark)).append('\n');
        }
        return svg.append("</svg>\n").toString();
    }

    private static String element(Mark mark) {
        return switch (mark) {
            case Mark.Line line -> String.format(Locale.ROOT,
                    "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                            + "stroke-width=\"%.1f\"/>", line.role(), line.x1(), line.y1(), line.x2(), line.y2(),
                    line.ink().hex(), line.width());
            case Mark.Trace trace -> {
                // A waveform has thousands of points: they are written without String.format, which costs more
                // than the rest of the picture together.
                var points = new StringBuilder(trace.points().size() * 12);
                for (Mark.Point p : trace.points()) {
                    tenths(points, p.x()).append(',');
                    tenths(points, p.y()).append(' ');
                }
                yield String.format(Locale.ROOT, "<polyline class=\"%s\" fill=\"none\" stroke=\"%s\" "
                                + "stroke-width=\"%.1f\" stroke-linejoin=\"round\" points=\"%s\"/>", trace.role(),
                        trace.ink().hex(), trace.width(), points.toString().trim());
            }
            case Mark.Dot dot -> String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" "
                    + "fill=\"%s\"/>", dot.role(), dot.x(), dot.y(), dot.radius(), dot.ink().hex());
            case Mark.Box box -> String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                            + "height=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>", box.role(), box.x(), box.y(), box.width(),
                    box.height(), box.fill() == null ? "none" : box.fill().hex(),
                    box.outline() == null ? "none" : box.outline().hex());
            case Mark.Label label -> String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" "
                            + "font-size=\"%.1f\" text-anchor=\"%s\"%s fill=\"%s\">%s</text>", label.role(), label.x(),
                    label.y(), label.size(), anchor(label.anchor()), label.bold() ? " font-weight=\"bold\"" : "",
                    label.ink().hex(), escape(label.text()));
        };
    }

    /** The number to the nearest tenth, with a point whatever the default locale. */
    static StringBuilder tenths(StringBuilder out, double value) {
        long scaled = Math.round(value * 10);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        return out.append(scaled / 10).append('.').append(scaled % 10);
    }

    private static String anchor(Mark.Anchor anchor) {
        return switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
    }

    /** Text as XML character data: markup characters escaped, characters XML cannot hold left out. */
    static String escape(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
