package io.rppg.application.picture;

import java.util.List;

/**
 * One thing drawn on a picture, in pixels from its top left corner. Each carries a role (a word such as {@code beat}
 * or {@code heart-rate}) that says what it shows: the SVG writes it as the element's class, so that a reader can
 * find the beats or the heart rate's label in the drawing.
 */
public sealed interface Mark {

    String role();

    /** A straight line. */
    record Line(double x1, double y1, double x2, double y2, Ink ink, double width, String role) implements Mark {
    }

    /** Connected points, in order. */
    record Trace(List<Point> points, Ink ink, double width, String role) implements Mark {
        public Trace {
            points = List.copyOf(points);
        }
    }

    /** A filled circle. */
    record Dot(double x, double y, double radius, Ink ink, String role) implements Mark {
    }

    /** A rectangle, filled or only outlined (fill null). */
    record Box(double x, double y, double width, double height, Ink fill, Ink outline, String role) implements Mark {
    }

    /** One line of text; {@code x} is where it starts, its middle or its end as the anchor says, {@code y} its base. */
    record Label(double x, double y, String text, double size, Anchor anchor, boolean bold, Ink ink, String role)
            implements Mark {
        public Label {
            if (text == null) {
                throw new IllegalArgumentException("a label has text");
            }
        }
    }

    enum Anchor { START, MIDDLE, END }

    record Point(double x, double y) {
    }
}
