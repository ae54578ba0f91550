package io.rppg.application.picture;

import java.util.List;

/**
 * A drawing of one scan: its size in pixels and what is drawn on it, in painting order. {@link SvgPicture} writes it
 * as SVG text; the web adapter paints the same marks into a PNG.
 */
public record ScanPicture(int width, int height, String title, List<Mark> marks) {

    public ScanPicture {
        if (width < 1 || height < 1 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException("a picture is 1 to 4000 pixels each way");
        }
        if (title == null) {
            throw new IllegalArgumentException("a picture has a title");
        }
        marks = List.copyOf(marks);
    }
}
