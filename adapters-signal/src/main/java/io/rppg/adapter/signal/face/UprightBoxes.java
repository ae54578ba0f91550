package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;

/** The inverse of {@link Orientation#toStored}: where a rectangle of the stored picture shows once it is upright. */
final class UprightBoxes {

    private UprightBoxes() {
    }

    static Box fromStored(Orientation orientation, Box stored, int storedWidth, int storedHeight) {
        return switch (orientation) {
            case UPRIGHT -> stored;
            case CLOCKWISE_90 -> new Box(storedHeight - stored.y() - stored.height(), stored.x(), stored.height(),
                    stored.width());
            case UPSIDE_DOWN -> new Box(storedWidth - stored.x() - stored.width(),
                    storedHeight - stored.y() - stored.height(), stored.width(), stored.height());
            case CLOCKWISE_270 -> new Box(stored.y(), storedWidth - stored.x() - stored.width(), stored.height(),
                    stored.width());
        };
    }

    static int uprightWidth(Orientation orientation, int storedWidth, int storedHeight) {
        return orientation.swapsAxes() ? storedHeight : storedWidth;
    }

    static int uprightHeight(Orientation orientation, int storedWidth, int storedHeight) {
        return orientation.swapsAxes() ? storedWidth : storedHeight;
    }
}
