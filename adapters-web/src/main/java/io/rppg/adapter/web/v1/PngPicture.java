package io.rppg.adapter.web.v1;

import io.rppg.application.picture.Ink;
import io.rppg.application.picture.Mark;
import io.rppg.application.picture.ScanPicture;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Paints the marks of a {@link ScanPicture} with Java2D into a PNG of the picture's size, as the SVG draws them. */
final class PngPicture {

    private PngPicture() {
    }

    /**
     * @throws Unpaintable when Java2D cannot paint here: a server without any font (fontconfig finds none) cannot
     *                     draw text, whatever the picture
     */
    static byte[] render(ScanPicture picture) {
        try {
            return paint(picture);
        } catch (RuntimeException | InternalError | LinkageError e) {
            throw new Unpaintable(e);
        }
    }

    /** Java2D failed on this machine; the SVG, which needs nothing of it, still draws the picture. */
    static final class Unpaintable extends RuntimeException {
        Unpaintable(Throwable cause) {
            super("Java2D could not paint the picture: " + cause, cause);
        }
    }

    private static byte[] paint(ScanPicture picture) {
        var image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(color(Ink.PAPER));
            g.fillRect(0, 0, picture.width(), picture.height());
            for (Mark mark : picture.marks()) {
                paint(g, mark);
            }
        } finally {
            g.dispose();
        }
        var png = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("a PNG could not be written to memory", e);
        }
        return png.toByteArray();
    }

    private static void paint(Graphics2D g, Mark mark) {
        switch (mark) {
            case Mark.Line line -> {
                g.setColor(color(line.ink()));
                g.setStroke(new BasicStroke((float) line.width()));
                g.draw(new Line2D.Double(line.x1(), line.y1(), line.x2(), line.y2()));
            }
            case Mark.Trace trace -> {
                if (trace.points().isEmpty()) {
                    return;
                }
                var path = new Path2D.Double();
                path.moveTo(trace.points().getFirst().x(), trace.points().getFirst().y());
                for (Mark.Point p : trace.points()) {
                    path.lineTo(p.x(), p.y());
                }
                g.setColor(color(trace.ink()));
                g.setStroke(new BasicStroke((float) trace.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(path);
            }
            case Mark.Dot dot -> {
                g.setColor(color(dot.ink()));
                g.fill(new Ellipse2D.Double(dot.x() - dot.radius(), dot.y() - dot.radius(), 2 * dot.radius(),
                        2 * dot.radius()));
            }
            case Mark.Box box -> {
                var rectangle = new Rectangle2D.Double(box.x(), box.y(), box.width(), box.height());
                if (box.fill() != null) {
                    g.setColor(color(box.fill()));
                    g.fill(rectangle);
                }
                if (box.outline() != null) {
                    g.setColor(color(box.outline()));
                    g.setStroke(new BasicStroke(1f));
                    g.draw(rectangle);
                }
            }
            case Mark.Label label -> {
                g.setFont(new Font(Font.SANS_SERIF, label.bold() ? Font.BOLD : Font.PLAIN,
                        (int) Math.round(label.size())));
                int width = g.getFontMetrics().stringWidth(label.text());
                double x = switch (label.anchor()) {
                    case START -> label.x();
                    case MIDDLE -> label.x() - width / 2.0;
                    case END -> label.x() - width;
                };
                g.setColor(color(label.ink()));
                g.drawString(label.text(), (float) x, (float) label.y());
            }
        }
    }

    private static Color color(Ink ink) {
        return new Color(ink.rgb());
    }
}
